import { afterEach, describe, expect, it } from "vitest";
import { startSts, type StsEmulator, type StsOptions } from "../src/start-sts.js";
import { stsIssuedKeys } from "../src/sts-identities.js";
import { stsError } from "../src/sts-xml.js";
import { stsCall, tag } from "./sts-client.js";

const ROLE = "arn:aws:iam::111122223333:role/dev";
let clock = Date.UTC(2026, 10, 23, 12, 0, 0);
let running: StsEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
  clock = Date.UTC(2026, 10, 23, 12, 0, 0);
});

async function emulator(options: StsOptions = {}) {
  const sts = await startSts({ now: () => clock, ...options });
  running.push(sts);
  return sts;
}

const at = () => ({ date: new Date(clock) });

describe(startSts.name, () => {
  it("answers GetCallerIdentity for the default user and exposes env", async () => {
    const sts = await emulator();
    expect(sts.env).toEqual({ AWS_ENDPOINT_URL_STS: sts.url });
    const r = await stsCall(sts.url, { Action: "GetCallerIdentity" }, sts.users[0], at());
    expect(r.status).toBe(200);
    expect(tag(r.body, "Arn")).toBe("arn:aws:iam::123456789012:user/credchain-emulator");
    expect(tag(r.body, "Account")).toBe("123456789012");
    expect(r.body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
  });

  it("issues deterministic credentials on AssumeRole that work as callers (role chaining)", async () => {
    const sts = await emulator();
    const r = await stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "s1", DurationSeconds: "1800" }, sts.users[0], at());
    expect(r.status).toBe(200);
    const keys = stsIssuedKeys(1);
    expect(tag(r.body, "AccessKeyId")).toBe(keys.accessKeyId);
    expect(tag(r.body, "SecretAccessKey")).toBe(keys.secretAccessKey);
    expect(tag(r.body, "Expiration")).toBe("2026-11-23T12:30:00Z");
    expect(tag(r.body, "Arn")).toBe("arn:aws:sts::111122223333:assumed-role/dev/s1");
    const who = await stsCall(sts.url, { Action: "GetCallerIdentity" }, keys, at());
    expect(tag(who.body, "Arn")).toBe("arn:aws:sts::111122223333:assumed-role/dev/s1");
    const chained = await stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "s2", DurationSeconds: "7200" }, keys, at());
    expect(tag(chained.body, "Code")).toBe("ValidationError");
    expect(tag(chained.body, "Message")).toContain("role chaining");
    expect(sts.issued.map((c) => c.accessKeyId)).toEqual([keys.accessKeyId]);
  });

  it("rejects bad signatures, unknown keys, missing and wrong session tokens", async () => {
    const sts = await emulator();
    const user = sts.users[0]!;
    const bad = await stsCall(sts.url, { Action: "GetCallerIdentity" }, { ...user, secretAccessKey: "wrong" }, at());
    expect([bad.status, tag(bad.body, "Code")]).toEqual([403, "SignatureDoesNotMatch"]);
    const tampered = await stsCall(sts.url, { Action: "GetCallerIdentity" }, user, { ...at(), sendBody: "Action=GetCallerIdentity&Version=2011-06-15&X=1" });
    expect(tag(tampered.body, "Code")).toBe("SignatureDoesNotMatch");
    const unknown = await stsCall(sts.url, { Action: "GetCallerIdentity" }, { accessKeyId: "AKIANOBODY", secretAccessKey: "x" }, at());
    expect([unknown.status, tag(unknown.body, "Code")]).toEqual([403, "InvalidClientTokenId"]);
    await stsCall(sts.url, { Action: "GetSessionToken" }, user, at());
    const issued = stsIssuedKeys(1);
    const noToken = await stsCall(sts.url, { Action: "GetCallerIdentity" }, { ...issued, sessionToken: undefined }, at());
    expect(tag(noToken.body, "Code")).toBe("InvalidClientTokenId");
    const none = await stsCall(sts.url, { Action: "GetCallerIdentity" });
    expect([none.status, tag(none.body, "Code")]).toEqual([403, "MissingAuthenticationToken"]);
    const skewed = await stsCall(sts.url, { Action: "GetCallerIdentity" }, user, { date: new Date(clock - 20 * 60_000) });
    expect(tag(skewed.body, "Message")).toMatch(/^Signature expired/);
  });

  it("answers ExpiredToken for expired session credentials", async () => {
    const sts = await emulator();
    const r = await stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "sess" }, sts.users[0], at());
    expect(r.status).toBe(200);
    clock += 3601_000;
    const later = await stsCall(sts.url, { Action: "GetCallerIdentity" }, stsIssuedKeys(1), at());
    expect([later.status, tag(later.body, "Code")]).toEqual([400, "ExpiredToken"]);
  });

  it("validates AssumeRole parameters as STS does", async () => {
    const sts = await emulator({ roles: [{ arn: ROLE, maxSessionDurationSeconds: 7200 }] });
    const user = sts.users[0]!;
    const call = (p: Record<string, string>) => stsCall(sts.url, { Action: "AssumeRole", RoleSessionName: "sess", ...p }, user, at());
    expect(tag((await call({ RoleArn: "arn:aws:iam::111122223333:user/x" })).body, "Code")).toBe("ValidationError");
    expect(tag((await call({ RoleArn: ROLE, DurationSeconds: "899" })).body, "Code")).toBe("ValidationError");
    expect(tag((await call({ RoleArn: ROLE, DurationSeconds: "43201" })).body, "Code")).toBe("ValidationError");
    expect(tag((await call({ RoleArn: ROLE, DurationSeconds: "10800" })).body, "Message")).toContain("MaxSessionDuration");
    expect((await call({ RoleArn: ROLE, DurationSeconds: "7200" })).status).toBe(200);
    const denied = await call({ RoleArn: "arn:aws:iam::111122223333:role/other" });
    expect([denied.status, tag(denied.body, "Code")]).toEqual([403, "AccessDenied"]);
    expect(tag((await call({ RoleArn: ROLE, Policy: "{not json" })).body, "Code")).toBe("MalformedPolicyDocument");
    const missing = await stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE }, user, at());
    expect(tag(missing.body, "Message")).toContain("'roleSessionName'");
  });

  it("requires MFA and the ExternalId where the role says so", async () => {
    const sts = await emulator({ roles: [{ arn: ROLE, requireMfa: true, externalId: "ext" }], mfaTokenCode: "654321" });
    const user = sts.users[0]!;
    const call = (p: Record<string, string>) => stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "sess", ...p }, user, at());
    const mfa = { SerialNumber: "arn:aws:iam::123456789012:mfa/u", ExternalId: "ext" };
    expect(tag((await call({ ExternalId: "ext" })).body, "Code")).toBe("AccessDenied");
    expect(tag((await call({ ...mfa, TokenCode: "123456" })).body, "Message")).toContain("invalid MFA one time pass code");
    expect(tag((await call({ ...mfa, TokenCode: "654321", ExternalId: "other" })).body, "Code")).toBe("AccessDenied");
    expect((await call({ ...mfa, TokenCode: "654321" })).status).toBe(200);
    expect(sts.calls.at(-1)!.params.TokenCode).toBe("[redacted]");
  });

  it("GetSessionToken: long-term keys only, MFA checked, 12 h by default", async () => {
    const sts = await emulator({
      users: [{ accessKeyId: "AKIAUSER", secretAccessKey: "s3cr3t", arn: "arn:aws:iam::123456789012:user/u", mfaSerial: "mfa-1" }],
    });
    const user = sts.users[0]!;
    const r = await stsCall(sts.url, { Action: "GetSessionToken" }, user, at());
    expect(tag(r.body, "Expiration")).toBe("2026-11-24T00:00:00Z");
    const again = await stsCall(sts.url, { Action: "GetSessionToken" }, stsIssuedKeys(1), at());
    expect(tag(again.body, "Message")).toBe("Cannot call GetSessionToken with session credentials");
    const wrongDevice = await stsCall(sts.url, { Action: "GetSessionToken", SerialNumber: "mfa-2", TokenCode: "123456" }, user, at());
    expect(tag(wrongDevice.body, "Code")).toBe("AccessDenied");
    const ok = await stsCall(sts.url, { Action: "GetSessionToken", SerialNumber: "mfa-1", TokenCode: "123456", DurationSeconds: "900" }, user, at());
    expect(tag(ok.body, "Expiration")).toBe("2026-11-23T12:15:00Z");
    const who = await stsCall(sts.url, { Action: "GetCallerIdentity" }, stsIssuedKeys(2), at());
    expect(tag(who.body, "Arn")).toBe("arn:aws:iam::123456789012:user/u");
  });

  it("AssumeRoleWithWebIdentity is unsigned and checks the token", async () => {
    const sts = await emulator({ webIdentityTokens: ["good"], expiredWebIdentityTokens: ["old"] });
    const call = (token: string) => stsCall(sts.url, { Action: "AssumeRoleWithWebIdentity", RoleArn: ROLE, RoleSessionName: "web", WebIdentityToken: token });
    const ok = await call("good");
    expect(ok.status).toBe(200);
    expect(tag(ok.body, "SubjectFromWebIdentityToken")).toBe("credchain-emulator-subject");
    expect(tag(ok.body, "AccessKeyId")).toBe(stsIssuedKeys(1).accessKeyId);
    expect(tag((await call("bad")).body, "Code")).toBe("InvalidIdentityToken");
    expect(tag((await call("old")).body, "Code")).toBe("ExpiredTokenException");
    expect(sts.calls.map((c) => c.params.WebIdentityToken)).toEqual(["[redacted]", "[redacted]", "[redacted]"]);
    expect(sts.calls[0]!.accessKeyId).toBeUndefined();
  });

  it("faults are keyed by Action", async () => {
    const sts = await emulator();
    sts.fault("GetCallerIdentity", stsError("Throttling", "Rate exceeded"), { times: 1 });
    sts.fault("AssumeRole", 503, { times: 1 });
    const user = sts.users[0]!;
    const first = await stsCall(sts.url, { Action: "GetCallerIdentity" }, user, at());
    expect([first.status, tag(first.body, "Code"), tag(first.body, "Message")]).toEqual([400, "Throttling", "Rate exceeded"]);
    expect((await stsCall(sts.url, { Action: "GetCallerIdentity" }, user, at())).status).toBe(200);
    expect((await stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "sess" }, user, at())).status).toBe(503);
    expect(sts.requests.map((r) => r.fault)).toEqual([400, undefined, 503]);
    sts.fault("*", "malformed-json");
    expect((await stsCall(sts.url, { Action: "GetCallerIdentity" }, user, at())).body).toBe("<html>not json{");
  });

  it("the expired-credentials fault issues credentials that are already expired", async () => {
    const sts = await emulator();
    sts.fault("AssumeRole", "expired-credentials", { times: 1 });
    const r = await stsCall(sts.url, { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "sess" }, sts.users[0], at());
    expect(tag(r.body, "Expiration")).toBe("2026-11-23T11:59:00Z");
    const who = await stsCall(sts.url, { Action: "GetCallerIdentity" }, stsIssuedKeys(1), at());
    expect(tag(who.body, "Code")).toBe("ExpiredToken");
  });

  it("logs calls without secrets and redacts the session token header", async () => {
    const sts = await emulator();
    await stsCall(sts.url, { Action: "GetSessionToken" }, sts.users[0], at());
    await stsCall(sts.url, { Action: "GetCallerIdentity" }, stsIssuedKeys(1), at());
    expect(sts.calls.map((c) => [c.action, c.accessKeyId, c.signingRegion, c.status])).toEqual([
      ["GetSessionToken", "AKIAEMULATORUSER0001", "us-east-1", 200],
      ["GetCallerIdentity", stsIssuedKeys(1).accessKeyId, "us-east-1", 200],
    ]);
    const log = JSON.stringify([sts.calls, sts.requests]);
    expect(log).not.toContain(stsIssuedKeys(1).sessionToken);
    expect(log).not.toContain(sts.users[0]!.secretAccessKey);
    expect(sts.requests[1]!.headers["x-amz-security-token"]).toBe("[redacted]");
  });

  it("rejects an unknown action or version", async () => {
    const sts = await emulator();
    const r = await stsCall(sts.url, { Action: "GetFederationToken" }, sts.users[0], at());
    expect(tag(r.body, "Code")).toBe("InvalidAction");
    const v = await stsCall(sts.url, { Action: "GetCallerIdentity", Version: "2010-01-01" }, sts.users[0], at());
    expect(tag(v.body, "Code")).toBe("InvalidAction");
    // Action names are looked up as data: an Object.prototype name is no action either.
    for (const Action of ["toString", "constructor", "__proto__"]) {
      expect(tag((await stsCall(sts.url, { Action }, sts.users[0], at())).body, "Code")).toBe("InvalidAction");
    }
  });
});
