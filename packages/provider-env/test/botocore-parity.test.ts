import { spawnSync } from "node:child_process";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { fromEnv } from "../src/from-env.js";

// Runs botocore's EnvProvider on the same environments; skipped where python3/botocore is missing.
const hasBotocore = spawnSync("python3", ["-c", "import botocore.credentials"], { stdio: "ignore" }).status === 0;

const ORACLE = `
import json, sys
from botocore.credentials import EnvProvider
out = []
for env in json.load(sys.stdin):
    try:
        c = EnvProvider(environ=env).load()
        if c is None:
            out.append(None)
        else:
            f = c.get_frozen_credentials()
            out.append({"key": f.access_key, "secret": f.secret_key, "token": f.token, "account": getattr(f, "account_id", None)})
    except Exception as e:
        out.append({"error": type(e).__name__})
print(json.dumps(out))
`;

const CASES: Record<string, string>[] = [
  {},
  { AWS_ACCESS_KEY_ID: "" },
  { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "s" },
  { AWS_ACCESS_KEY_ID: "A" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "t" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s", AWS_SECURITY_TOKEN: "l", AWS_SESSION_TOKEN: "t" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s", AWS_SECURITY_TOKEN: "", AWS_SESSION_TOKEN: "t" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s", AWS_ACCOUNT_ID: "123456789012" },
  { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s", AWS_ACCOUNT_ID: "" },
  { AWS_ACCESS_KEY_ID: " A ", AWS_SECRET_ACCESS_KEY: " s " },
  { AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "t" },
];

async function ours(env: Record<string, string>): Promise<unknown> {
  try {
    const c = await fromEnv({ env })();
    return { key: c.accessKeyId, secret: c.secretAccessKey, token: c.sessionToken ?? null, account: c.accountId ?? null };
  } catch (e) {
    if (CredchainError.isInstance(e) && e.tryNextLink) return null;
    if (CredchainError.isInstance(e)) return { error: `${e.code}Error` };
    throw e;
  }
}

describe.skipIf(!hasBotocore)("fromEnv agrees with botocore's EnvProvider", () => {
  it("on every case", async () => {
    const run = spawnSync("python3", ["-c", ORACLE], { input: JSON.stringify(CASES), encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as unknown[];
    for (const [i, env] of CASES.entries()) {
      expect(await ours(env), JSON.stringify(env)).toEqual(expected[i]);
    }
  });
});
