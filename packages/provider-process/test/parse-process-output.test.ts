import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { parseProcessOutput } from "../src/parse-process-output.js";

const BASE = { Version: 1, AccessKeyId: "AKID", SecretAccessKey: "S3CRET" };
const parse = (doc: unknown, options = {}) => parseProcessOutput(typeof doc === "string" ? doc : JSON.stringify(doc), options);

function failure(fn: () => unknown): CredchainError {
  try {
    fn();
  } catch (error) {
    expect(CredchainError.isInstance(error)).toBe(true);
    const e = error as CredchainError;
    expect(e.code).toBe("CredentialRetrieval");
    expect(e.message).not.toContain("S3CRET");
    return e;
  }
  throw new Error("expected a throw");
}

describe(parseProcessOutput.name, () => {
  it("reads the minimal document", () => {
    expect(parse(BASE)).toEqual({ accessKeyId: "AKID", secretAccessKey: "S3CRET", source: "custom-process" });
  });

  it.each([
    ["1", "1"],
    ["1.0 (Python: 1.0 == 1)", "1.0"],
    ["1e0", "1e0"],
    ["true (Python: True == 1)", "true"],
  ])("accepts Version %s", (_, v) => {
    expect(parse(`{"Version": ${v}, "AccessKeyId": "AKID", "SecretAccessKey": "S3CRET"}`).accessKeyId).toBe("AKID");
  });

  it.each<[unknown, string]>([
    ["1", "1"],
    [2, "2"],
    [0, "0"],
    [null, "None"],
    [false, "False"],
    [[1], "a list"],
    [undefined, "<Version key not provided>"],
  ])("refuses Version %j, shown as botocore shows it", (v, shown) => {
    const e = failure(() => parse({ ...BASE, Version: v }));
    expect(e.message).toContain(`Unsupported version '${shown}' for credential process provider, supported versions: 1`);
    expect(e.key).toBe("Version");
  });

  it("treats JSON null as absent for SessionToken, Expiration and AccountId", () => {
    const creds = parse({ ...BASE, SessionToken: null, Expiration: null, AccountId: null });
    expect(creds).toEqual({ accessKeyId: "AKID", secretAccessKey: "S3CRET", source: "custom-process" });
  });

  it("keeps empty strings as botocore does (empty keys, empty token)", () => {
    expect(parse({ Version: 1, AccessKeyId: "", SecretAccessKey: "", SessionToken: "" })).toMatchObject({
      accessKeyId: "",
      secretAccessKey: "",
      sessionToken: "",
    });
  });

  it("checks AccessKeyId before SecretAccessKey, as botocore's dict literal", () => {
    expect(failure(() => parse({ Version: 1 })).key).toBe("AccessKeyId");
  });

  it.each(["AccessKeyId", "SecretAccessKey", "SessionToken", "AccountId", "Expiration"])("refuses a %s that is not a string", (key) => {
    const e = failure(() => parse({ ...BASE, [key]: 12345 }));
    expect(e.message).toContain(`${key} in the process output is a number, not a string`);
    expect(e.key).toBe(key);
  });

  it("refuses a null AccessKeyId (botocore would build credentials with None)", () => {
    expect(failure(() => parse({ ...BASE, AccessKeyId: null })).message).toContain("AccessKeyId in the process output is null");
  });

  it.each([
    ["2099-01-01T00:00:00Z", "2099-01-01T00:00:00.000Z"],
    ["2099-01-01T00:00:00.123Z", "2099-01-01T00:00:00.123Z"],
    ["2099-01-01T02:00:00+02:00", "2099-01-01T00:00:00.000Z"],
    ["2099-01-01T00:00:00-0500", "2099-01-01T05:00:00.000Z"],
    ["  2099-01-01T00:00:00Z\n", "2099-01-01T00:00:00.000Z"],
    ["2099-01-01T00:00:00UTC", "2099-01-01T00:00:00.000Z"],
  ])("parses Expiration %j", (text, iso) => {
    expect(parse({ ...BASE, Expiration: text }).expiration?.toISOString()).toBe(iso);
  });

  it.each([
    ["junk", "tomorrow-ish"],
    ["empty", ""],
    ["blank", "   "],
    ["no zone (botocore: TypeError on first use)", "2099-01-01T00:00:00"],
    ["a date alone (botocore: TypeError on first use)", "2099-01-01"],
    ["a bare number (new Date would read 2001)", "1"],
    ["another date format (botocore's dateutil reads it; credchain does not, on purpose)", "Jan 1 2099 00:00 UTC"],
  ])("refuses an Expiration that is %s", (_, text) => {
    const error = failure(() => parse({ ...BASE, Expiration: text }));
    expect(error.message).toContain("Expiration in the process output is not an ISO 8601 time with a time zone");
    expect(error.key).toBe("Expiration");
  });

  it.each([
    ["AccessKeyId", "AKID\r\nX-Injected: 1"],
    ["SecretAccessKey", "S3CRET\n"],
    ["SessionToken", "S3CRET-token\r\n"],
    ["SessionToken", "S3CRET\u0000token"],
    ["SessionToken", "S3CRET\u007ftoken"],
    ["SessionToken", "S3CRET\u0085token"],
    ["AccountId", "1234\t5678"],
  ])("refuses a control character in %s, naming the key, never the value", (key, value) => {
    const error = failure(() => parse({ ...BASE, [key]: value }, { profile: "dev" }));
    expect(error).toMatchObject({ source: "custom-process", key, profile: "dev", tryNextLink: false });
    expect(error.message).toBe(`custom-process: ${key} in the process output (credential_process of profile "dev") contains a control character (such as CR or LF)`);
  });

  it("names the profile's aws_account_id when that is the account id refused", () => {
    expect(failure(() => parse(BASE, { accountId: "1234\n" })).key).toBe("aws_account_id");
  });

  it("keeps other non-ASCII text (no control character)", () => {
    expect(parse({ ...BASE, SessionToken: "tökén\u00a0✓" }).sessionToken).toBe("tökén\u00a0✓");
  });

  it("takes the profile's account id when AccountId is absent or empty, and prefers the output's", () => {
    expect(parse(BASE, { accountId: "111" }).accountId).toBe("111");
    expect(parse({ ...BASE, AccountId: "" }, { accountId: "111" }).accountId).toBe("111");
    expect(parse({ ...BASE, AccountId: "222" }, { accountId: "111" }).accountId).toBe("222");
  });

  it("keeps the last of duplicate keys, as Python's json", () => {
    expect(parse('{"Version":1,"AccessKeyId":"A","AccessKeyId":"B","SecretAccessKey":"S3CRET"}').accessKeyId).toBe("B");
  });

  it.each([
    ["not JSON", "S3CRET", /not valid JSON/],
    ["trailing data", `${JSON.stringify(BASE)}x`, /not valid JSON/],
    ["empty", "", /printed nothing/],
    ["a string", '"S3CRET"', /not an object \(a string\)/],
    ["a number", "1", /not an object \(a number\)/],
  ])("refuses output that is %s", (_, text, reason) => {
    const e = failure(() => parse(text));
    expect(e.message).toMatch(reason);
    expect(e.cause).toBeUndefined();
  });

  it("names the profile when given one", () => {
    const e = failure(() => parse({ Version: 1 }, { profile: "dev" }));
    expect(e.profile).toBe("dev");
    expect(e.message).toBe(
      `Error when retrieving credentials from custom-process: Missing required key in response: 'AccessKeyId' (credential_process of profile "dev")`,
    );
  });
});
