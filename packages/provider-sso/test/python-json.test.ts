import { execFileSync } from "node:child_process";
import { HAS_BOTOCORE } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { pythonJsonDumps, type PythonJsonValue } from "../src/python-json.js";

const CASES: PythonJsonValue[] = [
  { tool: "botocore", startUrl: "https://corp.awsapps.com/start", region: "eu-west-1", scopes: null, session_name: "corp" },
  { b: 1, a: ["x", null, true, false], c: {} },
  { "é": "日本\u0001\u007f/\"\\\n\t\r\b\f😀", "": [] },
  { nested: { z: [1, [2, { y: "q" }]] }, empty: "" },
];

describe(pythonJsonDumps.name, () => {
  it("writes what the documented separators and escapes say", () => {
    expect(pythonJsonDumps({ b: 1, a: ["x", null] }, { sortKeys: true })).toBe('{"a": ["x", null], "b": 1}');
    expect(pythonJsonDumps({ b: 1, a: undefined })).toBe('{"b": 1}');
    expect(pythonJsonDumps("é\u007f")).toBe('"\\u00e9\\u007f"');
  });

  it.skipIf(!HAS_BOTOCORE)("matches Python's json.dumps byte for byte, sorted and not", () => {
    const python = execFileSync("python3", ["-c", "import json,sys\nfor v in json.loads(sys.stdin.read()):\n print(json.dumps(v)); print(json.dumps(v, sort_keys=True))"], {
      input: JSON.stringify(CASES),
      encoding: "utf8",
    });
    const ours = CASES.flatMap((v) => [pythonJsonDumps(v), pythonJsonDumps(v, { sortKeys: true })]);
    expect(ours).toEqual(python.trimEnd().split("\n"));
  });
});
