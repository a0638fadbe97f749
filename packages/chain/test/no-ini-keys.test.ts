import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The chain runs provider-ini's plan and reads no INI key itself (issue #14): no source file here
// names a profile key. `region` and `services` are English words too: only their quoted forms count.
const KEYS = [
  "role_arn",
  "source_profile",
  "credential_source",
  "sso_session",
  "sso_account_id",
  "sso_role_name",
  "sso_start_url",
  "sso_region",
  "credential_process",
  "web_identity_token_file",
  "login_session",
  "aws_access_key_id",
  "aws_secret_access_key",
  "aws_session_token",
  "aws_security_token",
  "duration_seconds",
  "mfa_serial",
  "external_id",
  "role_session_name",
  "endpoint_url",
];
const QUOTED = ["region", "services"];

describe("packages/chain/src", () => {
  it("names no INI key: the plan (provider-ini) and the settings resolver (core) read them", async () => {
    const dir = fileURLToPath(new URL("../src/", import.meta.url));
    const files = (await readdir(dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(`${dir}${file}`, "utf8");
      for (const key of KEYS) if (new RegExp(`\\b${key}\\b`).test(text)) found.push(`${file}: ${key}`);
      for (const key of QUOTED) if (new RegExp(`["'\`]${key}["'\`]`).test(text)) found.push(`${file}: "${key}"`);
    }
    expect(found).toEqual([]);
  });
});
