import { execFile, spawnSync } from "node:child_process";
import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromProcess } from "../src/from-process.js";
import { scriptDir, type ScriptDir } from "./scripts.js";

// Runs botocore's ProcessProvider and ours on the same credential_process and compares outcomes:
// the credentials (keys, token, expiry instant, account id), or the error code.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, sys
from botocore.credentials import ProcessProvider
command, account = sys.argv[1], sys.argv[2]
profile = {"credential_process": command}
if account: profile["aws_account_id"] = account
try:
    c = ProcessProvider("dev", lambda: {"profiles": {"dev": profile}}).load()
    if c is None:
        print(json.dumps({"outcome": "none"}))
    else:
        f = c.get_frozen_credentials()
        exp = getattr(c, "_expiry_time", None)
        print(json.dumps({"outcome": "credentials", "accessKeyId": f.access_key, "secretAccessKey": f.secret_key,
            "sessionToken": f.token, "accountId": f.account_id, "expiration": exp.timestamp() * 1000 if exp else None}))
except Exception as e:
    print(json.dumps({"outcome": type(e).__name__}))
`;

/** Our code for each exception botocore raises (the conformance suite's table). */
const BOTOCORE_NAME: Record<string, string[]> = {
  InvalidConfig: ["ValueError", "IndexError"],
  CredentialRetrieval: [
    "CredentialRetrievalError",
    "JSONDecodeError",
    "AttributeError",
    "FileNotFoundError",
    "PermissionError",
    "ParserError",
    "UnicodeDecodeError",
    "RuntimeError", // expiry already past: raised by botocore's refresh, by withRefresh here
    "TypeError", // an Expiration without a zone
  ],
};

type Outcome = { outcome: string; [k: string]: unknown };

let s: ScriptDir;
beforeAll(async () => {
  s = await scriptDir("credchain-process-parity-");
});
afterAll(async () => {
  await s.remove();
});

function botocore(command: string, accountId = ""): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT, command, accountId], { env: { PATH: process.env.PATH ?? "", HOME: s.dir } }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(JSON.parse(stdout) as Outcome);
    });
  });
}

async function ours(command: string, accountId = ""): Promise<Outcome> {
  try {
    const c = await fromProcess({ command, profile: "dev", accountId: accountId || undefined, env: { PATH: process.env.PATH ?? "", HOME: s.dir } })();
    if (c.expiration && c.expiration.getTime() <= Date.now()) return { outcome: "CredentialRetrieval" }; // withRefresh's refusal
    return {
      outcome: "credentials",
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken ?? null,
      accountId: c.accountId ?? null,
      expiration: c.expiration?.getTime() ?? null,
    };
  } catch (error) {
    if (!CredchainError.isInstance(error)) throw error;
    return { outcome: error.tryNextLink ? "none" : error.code };
  }
}

const K = { Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret" };
const printing = (value: unknown) => `process.stdout.write(${JSON.stringify(typeof value === "string" ? value : JSON.stringify(value))});`;

describe.skipIf(!hasBotocore)("parity with botocore's ProcessProvider", () => {
  const scripts: [string, string, string?][] = [
    ["basic", printing(K)],
    ["token and expiration", printing({ ...K, SessionToken: "tok", Expiration: "2099-01-01T00:00:00Z" })],
    ["offset expiration", printing({ ...K, Expiration: "2099-01-01T02:00:00+02:00" })],
    ["account id", printing({ ...K, AccountId: "123456789012" })],
    ["profile account id as fallback", printing(K), "111122223333"],
    ["null session token", printing({ ...K, SessionToken: null, Expiration: null })],
    ["empty strings", printing({ Version: 1, AccessKeyId: "", SecretAccessKey: "", SessionToken: "" })],
    ["CRLF around the JSON", printing(`\r\n  ${JSON.stringify(K)}\r\n`)],
    ["Version true", printing({ ...K, Version: true })],
    ["Version 1.0", printing(`{"Version": 1.0, "AccessKeyId": "A", "SecretAccessKey": "S"}`)],
    ["Version 2", printing({ ...K, Version: 2 })],
    ["Version \"1\"", printing({ ...K, Version: "1" })],
    ["no Version", printing({ AccessKeyId: "A", SecretAccessKey: "S" })],
    ["no SecretAccessKey", printing({ Version: 1, AccessKeyId: "A" })],
    ["no AccessKeyId", printing({ Version: 1, SecretAccessKey: "S" })],
    ["garbage", `console.log("hello, not json")`],
    ["nothing", `// prints nothing`],
    ["a JSON array", `console.log("[]")`],
    ["a BOM", printing(`\ufeff${JSON.stringify(K)}`)],
    ["invalid UTF-8", `process.stdout.write(Buffer.from([0xff, 0x7b]));`],
    ["garbage Expiration", printing({ ...K, Expiration: "tomorrow-ish" })],
    ["empty Expiration", printing({ ...K, Expiration: "" })],
    ["Expiration without a zone", printing({ ...K, Expiration: "2099-01-01T00:00:00" })],
    ["Expiration in the past", printing({ ...K, SessionToken: "t", Expiration: "2000-01-01T00:00:00Z" })],
    ["exit 3", `process.stderr.write("token expired\\n"); process.exit(3);`],
  ];

  it.each(scripts)("%s", async (name, source, accountId) => {
    const command = await s.script(`parity-${name.replace(/\W+/g, "-")}`, source);
    const [theirs, mine] = [await botocore(command, accountId), await ours(command, accountId)];
    if (theirs.outcome === "none" || theirs.outcome === "credentials") expect(mine).toEqual(theirs);
    else expect(BOTOCORE_NAME[mine.outcome]).toContain(theirs.outcome);
  }, 20_000);

  it.each([
    ["an empty command", ""],
    ["a blank command", "  "],
    ["an unclosed quote", `node "/x/ok.js`],
    ["a trailing backslash", "node x\\"],
    ["a missing command", "/nonexistent/credchain/cmd --flag"],
    ["a directory", "/tmp"],
  ])("%s", async (_, command) => {
    const [theirs, mine] = [await botocore(command), await ours(command)];
    expect(BOTOCORE_NAME[mine.outcome]).toContain(theirs.outcome);
  }, 20_000);

  it("the child sees the injected env", async () => {
    const command = await s.script("parity-env", `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: String(process.env.HOME), SecretAccessKey: "s" }));`);
    const [theirs, mine] = [await botocore(command), await ours(command)];
    expect(mine).toEqual(theirs);
    expect(mine.accessKeyId).toBe(join(s.dir));
  }, 20_000);
});
