import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shlexSplit } from "../src/shlex-split.js";

const CASES = [
  "profile x",
  "profile   x  ",
  "\tprofile\tx",
  'profile "a b"',
  "profile 'a b'",
  'profile a"b c"d',
  'profile ""',
  "profile ''",
  "profile",
  "profile a b",
  "profile 'bad",
  'profile "bad',
  "profile a\\ b",
  "profile a\\",
  'profile "a\\"b"',
  'profile "a\\xb"',
  "profile 'a\\b'",
  'profile "a\\\\b"',
  "profile é",
  "",
  // Around the shortcut for words one space apart: where it must not be taken, and where it may.
  " profile x",
  "profile x ",
  "profile  x",
  "profile\rx",
  "profile\nx",
  "profile x'y'",
  "profile x\\y",
  "profile dev eu-west-1",
  "profile",
  " ",
  "sso-session my-sso",
  "profile x\u000by",
  "profile\u00a0x",
  "profile \u001cx",
];

describe(shlexSplit.name, () => {
  it("splits as Python's shlex.split", () => {
    expect(shlexSplit('profile "a b"')).toEqual(["profile", "a b"]);
    expect(shlexSplit("profile 'bad")).toBeUndefined();
    expect(shlexSplit("profile ''")).toEqual(["profile", ""]);
  });

  const hasPython = spawnSync("python3", ["-c", "import shlex"], { stdio: "ignore" }).status === 0;
  it.skipIf(!hasPython)("agrees with Python on every case", () => {
    const script = `
import json, shlex, sys
out = []
for s in json.load(sys.stdin):
    try:
        out.append(shlex.split(s))
    except ValueError:
        out.append(None)
print(json.dumps(out))`;
    const python = JSON.parse(execFileSync("python3", ["-c", script], { input: JSON.stringify(CASES) }).toString()) as unknown[];
    expect(CASES.map((c) => shlexSplit(c) ?? null)).toEqual(python);
  });
});
