import { describe, expect, it } from "vitest";
import { compareBotocoreRuns, compareDeliberateDifference, compareWithBotocore, parseCliOutput, sameInstant } from "./compare.js";
import type { Outcome } from "./scenario.js";

const creds: Outcome = {
  AccessKeyId: "AKID",
  SecretAccessKey: "secret",
  SessionToken: "token",
  Expiration: "2099-06-01T10:00:00Z",
  Source: "env",
  AccountId: null,
};

const ok = (body: Record<string, unknown>) => ({ status: 0, stdout: JSON.stringify(body), stderr: "" });
const fail = (code: string) => ({ status: 1, stdout: JSON.stringify({ Error: { Code: code, Message: "m" } }), stderr: "" });

describe(compareWithBotocore.name, () => {
  it("agrees on the same credentials, expiry compared as an instant", () => {
    const run = ok({ Version: 1, AccessKeyId: "AKID", SecretAccessKey: "secret", SessionToken: "token", Expiration: "2099-06-01T12:00:00+02:00", Source: "env" });
    expect(compareWithBotocore(creds, run).differences).toEqual([]);
  });

  it("names each field that differs", () => {
    const run = ok({ Version: 1, AccessKeyId: "AKID", SecretAccessKey: "other", Source: "shared-credentials-file" });
    expect(compareWithBotocore(creds, run).differences).toEqual([
      'SecretAccessKey: botocore "secret", credchain "other"',
      'SessionToken: botocore "token", credchain null',
      'Source: botocore "env", credchain "shared-credentials-file"',
      "Expiration: botocore 2099-06-01T10:00:00Z, credchain null",
    ]);
  });

  it("compares AccountId only when credchain prints one", () => {
    const base = { Version: 1, AccessKeyId: "AKID", SecretAccessKey: "secret", SessionToken: "token", Expiration: "2099-06-01T10:00:00Z", Source: "env" };
    expect(compareWithBotocore(creds, ok(base)).differences).toEqual([]);
    expect(compareWithBotocore(creds, ok({ ...base, AccountId: "1" })).differences).toEqual(["AccountId: botocore null, credchain 1"]);
  });

  it("maps botocore exceptions to their code and Python built-ins through the table", () => {
    const partial: Outcome = { Error: { Code: "PartialCredentials", Class: "PartialCredentialsError", Module: "botocore.exceptions" } };
    expect(compareWithBotocore(partial, fail("PartialCredentials")).differences).toEqual([]);
    const json: Outcome = { Error: { Code: "JSONDecode", Class: "JSONDecodeError", Module: "json.decoder" } };
    expect(compareWithBotocore(json, fail("CredentialRetrieval")).differences).toEqual([]);
    const parser: Outcome = { Error: { Code: "Parser", Class: "ParserError", Module: "dateutil.parser._parser" } };
    expect(compareWithBotocore(parser, fail("InvalidConfig")).differences).toEqual([]);
    expect(compareWithBotocore(parser, fail("CredentialRetrieval"), "CredentialRetrieval").differences).toEqual([]);
  });

  it("reports NoCredentials against credentials, and an error printed with exit 0", () => {
    const none: Outcome = { Error: { Code: "NoCredentials", Class: null } };
    expect(compareWithBotocore(none, ok({ AccessKeyId: "A", SecretAccessKey: "s", Source: "boto-config" })).differences).toEqual([
      "botocore failed with NoCredentials but credchain returned credentials (source boto-config)",
    ]);
    expect(compareWithBotocore(none, { ...fail("NoCredentials"), status: 0 }).differences).toEqual([
      "credchain printed an error but exited 0",
    ]);
  });

  it("reports credchain failing where botocore answered, and output that is not JSON", () => {
    expect(compareWithBotocore(creds, fail("ConfigParse")).differences).toEqual([
      "botocore returned credentials (source env) but credchain failed with ConfigParse",
    ]);
    expect(compareWithBotocore(creds, { status: 1, stdout: "boom", stderr: "" }).differences).toEqual([
      "credchain stdout is not JSON (exit 1)",
    ]);
  });

  it("compares the SSO calls and the token cache whatever the answer, and names the portal's error code", () => {
    const call = { service: "sso-oidc" as const, method: "POST", path: "/token", params: {}, status: 400 };
    const expired: Outcome = {
      Error: { Code: "TokenRetrieval", Class: "TokenRetrievalError", Module: "botocore.exceptions" },
      SsoCalls: [call],
      SsoTokenCache: { "a.json": { accessToken: "old" } },
    };
    const run = { ...fail("TokenRetrieval"), ssoCalls: [call], ssoTokenCache: { "a.json": { accessToken: "old" } } };
    expect(compareWithBotocore(expired, run).differences).toEqual([]);
    expect(compareWithBotocore(expired, { ...run, ssoCalls: [], ssoTokenCache: { "a.json": { accessToken: "new" } } }).differences).toEqual([
      `SsoCalls[0]: botocore ${JSON.stringify(call)}, credchain (no call)`,
      'SsoTokenCache a.json: botocore {"accessToken":"old"}, credchain {"accessToken":"new"}',
    ]);
    const forbidden: Outcome = {
      Error: { Code: "Client", Class: "ClientError", Module: "botocore.exceptions", Message: "An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access" },
    };
    expect(compareWithBotocore(forbidden, fail("CredentialRetrieval")).differences).toEqual([
      "error message: botocore names the service's error (ForbiddenException), credchain's message does not",
    ]);
  });

  it("throws for a Python built-in the table does not know", () => {
    const odd: Outcome = { Error: { Code: "ZeroDivision", Class: "ZeroDivisionError", Module: "builtins" } };
    expect(() => compareWithBotocore(odd, fail("X"))).toThrow(/PYTHON_BUILTIN_CODES/);
  });
});

describe(compareDeliberateDifference.name, () => {
  it("accepts credchain's chosen error where botocore returned credentials", () => {
    expect(compareDeliberateDifference(creds, fail("CredentialRetrieval"), "CredentialRetrieval")).toEqual([]);
  });

  it("reports another code, credentials, an exit 0, and agreement with botocore", () => {
    expect(compareDeliberateDifference(creds, fail("InvalidConfig"), "CredentialRetrieval")).toEqual(["error code: deliberately CredentialRetrieval, credchain InvalidConfig"]);
    expect(compareDeliberateDifference(creds, { ...fail("CredentialRetrieval"), status: 0 }, "CredentialRetrieval")).toEqual(["credchain printed an error but exited 0"]);
    const same = ok({ Version: 1, AccessKeyId: "AKID", SecretAccessKey: "secret", SessionToken: "token", Expiration: "2099-06-01T10:00:00Z", Source: "env" });
    expect(compareDeliberateDifference(creds, same, "CredentialRetrieval")).toEqual([
      "credchain returned credentials (source env), not its deliberate CredentialRetrieval",
      'credchain agrees with botocore now: remove "deliberateDifference"',
    ]);
    const botocoreFailed: Outcome = { Error: { Code: "InvalidConfig", Class: "InvalidConfigError", Module: "botocore.exceptions" } };
    expect(compareDeliberateDifference(botocoreFailed, fail("InvalidConfig"), "InvalidConfig")).toEqual(['credchain agrees with botocore now: remove "deliberateDifference"']);
  });
});

describe(parseCliOutput.name, () => {
  it("fills missing SessionToken and Expiration with null", () => {
    expect(parseCliOutput(ok({ Version: 1, AccessKeyId: "A", SecretAccessKey: "s", Source: "env" }))).toEqual({
      AccessKeyId: "A", SecretAccessKey: "s", SessionToken: null, Expiration: null, Source: "env",
    });
  });
});

describe(sameInstant.name, () => {
  it.each([
    ["2099-01-01T00:00:00Z", "2099-01-01T00:00:00.000Z", true],
    ["2099-01-01T02:00:00+02:00", "2099-01-01T00:00:00Z", true],
    ["2099-01-01T00:00:01Z", "2099-01-01T00:00:00Z", false],
    [null, null, true],
    [null, "2099-01-01T00:00:00Z", false],
  ])("%s vs %s → %s", (a, b, same) => {
    expect(sameInstant(a, b)).toBe(same);
  });
});

describe(compareBotocoreRuns.name, () => {
  it("ignores messages and expiry spelling, not classes", () => {
    expect(compareBotocoreRuns(creds, { ...creds, Expiration: "2099-06-01T10:00:00.000Z" })).toEqual([]);
    const a: Outcome = { Error: { Code: "Value", Class: "ValueError", Module: "builtins", Message: "x" } };
    expect(compareBotocoreRuns(a, { Error: { ...a.Error, Message: "y" } })).toEqual([]);
    expect(compareBotocoreRuns(a, { Error: { Code: "Key", Class: "KeyError", Module: "builtins" } })).toHaveLength(2);
    expect(compareBotocoreRuns({ ...a, SsoCalls: [] }, { ...a, SsoCalls: [{ service: "sso", method: "GET", path: "/", params: {} }] })).toHaveLength(2);
  });
});
