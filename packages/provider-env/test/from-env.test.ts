import { inspect } from "node:util";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { fromEnv } from "../src/from-env.js";

const KEYS = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };

async function failure(env: Record<string, string>): Promise<CredchainError> {
  const error = await fromEnv({ env })().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CredchainError.isInstance(error)) throw new Error(`expected a CredchainError, got ${String(error)}`);
  return error;
}

describe("fromEnv", () => {
  it("reads the key pair", async () => {
    const c = await fromEnv({ env: KEYS })();
    expect(c).toMatchObject({ accessKeyId: "AKIDENV", secretAccessKey: "env-secret", source: "env" });
    expect(c.sessionToken).toBeUndefined();
    expect(c.expiration).toBeUndefined();
    expect(c.accountId).toBeUndefined();
  });

  it("reads the session token, expiration and account id", async () => {
    const c = await fromEnv({
      env: { ...KEYS, AWS_SESSION_TOKEN: "tok", AWS_CREDENTIAL_EXPIRATION: "2099-06-01T12:00:00+02:00", AWS_ACCOUNT_ID: "123456789012" },
    })();
    expect(c.sessionToken).toBe("tok");
    expect(c.expiration?.toISOString()).toBe("2099-06-01T10:00:00.000Z");
    expect(c.accountId).toBe("123456789012");
  });

  it("prefers AWS_SECURITY_TOKEN over AWS_SESSION_TOKEN, as botocore", async () => {
    const c = await fromEnv({ env: { ...KEYS, AWS_SECURITY_TOKEN: "legacy", AWS_SESSION_TOKEN: "new" } })();
    expect(c.sessionToken).toBe("legacy");
  });

  it("treats an empty AWS_SECURITY_TOKEN as unset and falls back to AWS_SESSION_TOKEN", async () => {
    const c = await fromEnv({ env: { ...KEYS, AWS_SECURITY_TOKEN: "", AWS_SESSION_TOKEN: "new" } })();
    expect(c.sessionToken).toBe("new");
  });

  it("treats empty token, expiration and account id as absent", async () => {
    const c = await fromEnv({ env: { ...KEYS, AWS_SESSION_TOKEN: "", AWS_CREDENTIAL_EXPIRATION: "", AWS_ACCOUNT_ID: "" } })();
    expect(c.sessionToken).toBeUndefined();
    expect(c.expiration).toBeUndefined();
    expect(c.accountId).toBeUndefined();
  });

  it("keeps values verbatim, spaces included", async () => {
    const c = await fromEnv({ env: { AWS_ACCESS_KEY_ID: " AKID ", AWS_SECRET_ACCESS_KEY: "s e" } })();
    expect(c.accessKeyId).toBe(" AKID ");
    expect(c.secretAccessKey).toBe("s e");
  });

  it("is not here when AWS_ACCESS_KEY_ID is unset, and says what it looked at", async () => {
    const e = await failure({ AWS_SECRET_ACCESS_KEY: "only-secret" });
    expect(e.code).toBe("NoCredentials");
    expect(e.tryNextLink).toBe(true);
    expect(e.message).toBe("AWS_ACCESS_KEY_ID is not set");
    expect(e.lookedAt?.envVars).toContain("AWS_ACCESS_KEY_ID");
    expect(e.message).not.toContain("only-secret");
  });

  it("is not here when AWS_ACCESS_KEY_ID is empty", async () => {
    const e = await failure({ AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "s" });
    expect(e.tryNextLink).toBe(true);
    expect(e.message).toBe("AWS_ACCESS_KEY_ID is empty");
  });

  it.each<Record<string, string>>([{}, { AWS_SECRET_ACCESS_KEY: "" }])("gives PartialCredentials for an access key without a secret (%o)", async (extra) => {
    const e = await failure({ AWS_ACCESS_KEY_ID: "AKIDENV", ...extra });
    expect(e.code).toBe("PartialCredentials");
    expect(e.tryNextLink).toBe(false);
    expect(e.key).toBe("AWS_SECRET_ACCESS_KEY");
    expect(e.message).toContain("missing: AWS_SECRET_ACCESS_KEY");
  });

  it("gives InvalidConfig naming AWS_CREDENTIAL_EXPIRATION when it is no time", async () => {
    const e = await failure({ ...KEYS, AWS_SESSION_TOKEN: "secret-token", AWS_CREDENTIAL_EXPIRATION: "not-a-date" });
    expect(e.code).toBe("InvalidConfig");
    expect(e.key).toBe("AWS_CREDENTIAL_EXPIRATION");
    expect(e.message).toContain('"not-a-date"');
    expect(e.message).not.toContain("env-secret");
    expect(e.message).not.toContain("secret-token");
  });

  it.each([
    ["without a zone (botocore: TypeError; never the machine's local time)", "2099-01-01T00:00:00"],
    ["a bare number (new Date reads the year 2001)", "1"],
    ["a date alone", "2099-01-01"],
    ["a day that does not exist", "2099-02-30T00:00:00Z"],
  ])("gives InvalidConfig naming AWS_CREDENTIAL_EXPIRATION when it is %s", async (_, text) => {
    const e = await failure({ ...KEYS, AWS_CREDENTIAL_EXPIRATION: text });
    expect(e).toMatchObject({ code: "InvalidConfig", key: "AWS_CREDENTIAL_EXPIRATION", source: "env" });
    expect(e.message).toBe(`AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time with a time zone (such as 2099-01-01T00:00:00Z): ${JSON.stringify(text)}`);
  });

  it("reads the expiration forms real sources write (Z, offsets, fractions, UTC)", async () => {
    for (const [text, iso] of [
      ["2099-01-01T00:00:00Z", "2099-01-01T00:00:00.000Z"],
      ["2099-01-01T00:00:00.123456+00:00", "2099-01-01T00:00:00.123Z"],
      ["2099-01-01T01:00:00+0100", "2099-01-01T00:00:00.000Z"],
      ["2099-01-01T00:00:00UTC", "2099-01-01T00:00:00.000Z"],
    ]) {
      expect((await fromEnv({ env: { ...KEYS, AWS_CREDENTIAL_EXPIRATION: text! } })()).expiration?.toISOString()).toBe(iso);
    }
  });

  it.each([
    ["AWS_ACCESS_KEY_ID", "AKID\r\nX-Amz-Injected: 1"],
    ["AWS_SECRET_ACCESS_KEY", "env-secret\n"],
    ["AWS_SESSION_TOKEN", "secret-token\r\n"],
    ["AWS_SECURITY_TOKEN", "secret-token\u0000"],
    ["AWS_ACCOUNT_ID", "1234\t"],
  ])("refuses a control character in %s, naming it, never the value", async (name, value) => {
    const e = await failure({ ...KEYS, [name]: value });
    expect(e).toMatchObject({ code: "CredentialRetrieval", key: name, source: "env", tryNextLink: false });
    expect(e.message).toBe(`env: ${name} contains a control character (such as CR or LF)`);
    expect(JSON.stringify(e)).not.toContain("secret");
  });

  it("reads the environment on every call, so a refresh sees new values", async () => {
    const env: Record<string, string> = { ...KEYS };
    const provider = fromEnv({ env });
    expect((await provider()).accessKeyId).toBe("AKIDENV");
    env.AWS_ACCESS_KEY_ID = "AKIDROTATED";
    expect((await provider()).accessKeyId).toBe("AKIDROTATED");
  });

  it("never shows the secret when logged", async () => {
    const c = await fromEnv({ env: { ...KEYS, AWS_SESSION_TOKEN: "tok-value" } })();
    const shown = JSON.stringify(c) + inspect(c);
    expect(shown).not.toContain("env-secret");
    expect(shown).not.toContain("tok-value");
  });
});
