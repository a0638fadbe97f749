import { inspect } from "node:util";
import { stsError, stsIssuedKeys } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { StsServiceError } from "../src/sts-call.js";
import { createStsClient } from "../src/sts-client.js";
import { contextFor, emulator, failure, ROLE, T0 } from "./helpers.js";

describe(createStsClient.name, () => {
  it("GetCallerIdentity signs with static credentials", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    expect(await client.getCallerIdentity()).toEqual({
      account: "123456789012",
      arn: "arn:aws:iam::123456789012:user/credchain-emulator",
      userId: "AIDAEMULATORUSER0001",
    });
    expect(sts.calls[0]).toMatchObject({ action: "GetCallerIdentity", accessKeyId: "AKIAEMULATORUSER0001", status: 200 });
  });

  it("AssumeRole sends every parameter and returns credentials with expiration and accountId", async () => {
    const sts = await emulator({ roles: [{ arn: ROLE, requireMfa: true, externalId: "ext-1" }] });
    const { init } = contextFor(sts);
    let asked = 0;
    const client = createStsClient({ ...init, credentials: async () => (asked++, sts.users[0]!) });
    const result = await client.assumeRole({
      roleArn: ROLE,
      roleSessionName: "session-1",
      externalId: "ext-1",
      durationSeconds: 900,
      serialNumber: "arn:aws:iam::123456789012:mfa/me",
      tokenCode: "123456",
      policy: '{"Version":"2012-10-17","Statement":[]}',
      policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", { arn: "arn:aws:iam::aws:policy/Other" }],
      sourceIdentity: "me@example.com",
      tags: [{ key: "team", value: "a b&c" }],
      transitiveTagKeys: ["team"],
    });
    expect(asked).toBe(1);
    const keys = stsIssuedKeys(1);
    expect({ ...result.credentials }).toEqual({
      ...keys,
      expiration: new Date(T0 + 900_000),
      accountId: "111122223333",
      source: "assume-role",
    });
    expect(result.assumedRoleUser?.arn).toBe("arn:aws:sts::111122223333:assumed-role/dev/session-1");
    expect(result.sourceIdentity).toBe("me@example.com");
    expect(result.packedPolicySize).toBeGreaterThan(0);
    expect(sts.calls[0]!.params).toEqual({
      RoleArn: ROLE,
      RoleSessionName: "session-1",
      "PolicyArns.member.1.arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "PolicyArns.member.2.arn": "arn:aws:iam::aws:policy/Other",
      Policy: '{"Version":"2012-10-17","Statement":[]}',
      DurationSeconds: "900",
      "Tags.member.1.Key": "team",
      "Tags.member.1.Value": "a b&c",
      "TransitiveTagKeys.member.1": "team",
      ExternalId: "ext-1",
      SerialNumber: "arn:aws:iam::123456789012:mfa/me",
      TokenCode: "[redacted]",
      SourceIdentity: "me@example.com",
    });
    expect(inspect(result)).not.toContain(keys.secretAccessKey);
  });

  it("GetSessionToken with and without MFA", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    const plain = await client.getSessionToken();
    expect(plain.credentials).toMatchObject({ accessKeyId: stsIssuedKeys(1).accessKeyId, expiration: new Date(T0 + 43_200_000), source: "explicit" });
    const mfa = await client.getSessionToken({ durationSeconds: 3600, serialNumber: "mfa-device", tokenCode: "123456" });
    expect(mfa.credentials.expiration).toEqual(new Date(T0 + 3_600_000));
    const wrong = await failure(client.getSessionToken({ serialNumber: "mfa-device", tokenCode: "000000" }));
    expect(wrong.message).toMatch(/^An error occurred \(AccessDenied\) when calling the GetSessionToken operation: MultiFactorAuthentication failed/);
  });

  it("AssumeRoleWithWebIdentity is unsigned", async () => {
    const sts = await emulator({ webIdentityTokens: ["jwt-1"] });
    const { init } = contextFor(sts);
    const client = createStsClient(init);
    const result = await client.assumeRoleWithWebIdentity({ roleArn: ROLE, roleSessionName: "web", webIdentityToken: "jwt-1", providerId: "p" });
    expect(result.credentials).toMatchObject({ accessKeyId: stsIssuedKeys(1).accessKeyId, source: "assume-role-with-web-identity", accountId: "111122223333" });
    expect(result).toMatchObject({ subjectFromWebIdentityToken: "credchain-emulator-subject", provider: "credchain-emulator", audience: "sts.amazonaws.com" });
    expect(sts.requests[0]!.headers.authorization).toBeUndefined();
    const bad = await failure(client.assumeRoleWithWebIdentity({ roleArn: ROLE, roleSessionName: "web", webIdentityToken: "jwt-2" }));
    expect((bad.cause as StsServiceError).stsCode).toBe("InvalidIdentityToken");
    expect(bad.message).not.toContain("jwt-2");
  });

  it("surfaces AccessDenied with the STS code, status and endpoint, never secrets", async () => {
    const sts = await emulator({ roles: [] });
    const { init } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    const error = await failure(client.assumeRole({ roleArn: ROLE, roleSessionName: "s1" }));
    expect(error).toMatchObject({ code: "CredentialRetrieval", status: 403 });
    expect(error.message).toBe(
      `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/credchain-emulator is not authorized to perform: sts:AssumeRole on resource: ${ROLE} (HTTP 403 from ${sts.url})`,
    );
    expect(error.cause).toBeInstanceOf(StsServiceError);
    expect(error.cause).toMatchObject({ stsCode: "AccessDenied", status: 403, action: "AssumeRole", requestId: expect.stringMatching(/^0{8}-/) });
    expect(JSON.stringify(error) + inspect(error)).not.toContain(sts.users[0]!.secretAccessKey);
    expect(sts.calls).toHaveLength(1); // not retried
  });

  it.each([
    ["a bad signature", { secretAccessKey: "wrong-secret" }, "SignatureDoesNotMatch"],
    ["an unknown key", { accessKeyId: "AKIAUNKNOWN" }, "InvalidClientTokenId"],
  ])("does not retry %s", async (_, override, code) => {
    const sts = await emulator();
    const { init, sleeps } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: { ...sts.users[0]!, ...override } });
    const error = await failure(client.getCallerIdentity());
    expect((error.cause as StsServiceError).stsCode).toBe(code);
    expect(error.message).not.toContain("wrong-secret");
    expect([sts.requests.length, sleeps]).toEqual([1, []]);
  });

  it("reports ExpiredToken for expired session credentials", async () => {
    const sts = await emulator({
      users: [{ accessKeyId: "ASIAOLD", secretAccessKey: "old-secret", sessionToken: "old-token", arn: "arn:aws:iam::123456789012:user/u", expiration: T0 - 1000 }],
    });
    const { init } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    const error = await failure(client.assumeRole({ roleArn: ROLE, roleSessionName: "s1" }));
    expect(error.message).toMatch(/^An error occurred \(ExpiredToken\) when calling the AssumeRole operation: The security token included in the request is expired \(HTTP 400/);
    expect(error.message).not.toContain("old-token");
  });

  it("retries throttling with full-jitter backoff, then succeeds", async () => {
    const sts = await emulator();
    sts.fault("GetCallerIdentity", stsError("Throttling", "Rate exceeded"), { times: 2 });
    const { init, sleeps } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    expect((await client.getCallerIdentity()).account).toBe("123456789012");
    // random() = 0.5: 0.5 * 1 s, then 0.5 * 2 s.
    expect(sleeps).toEqual([500, 1000]);
    expect(sts.requests.map((r) => r.status)).toEqual([400, 400, 200]);
  });

  it.each([
    ["429", { status: 429, body: "Too Many Requests" }],
    ["RequestLimitExceeded", stsError("RequestLimitExceeded")],
    ["ThrottlingException", stsError("ThrottlingException")],
    ["500", 500],
    ["503 Service Unavailable", stsError("ServiceUnavailable", "unavailable", 503)],
    ["a connection reset", "reset" as const],
  ])("retries %s", async (_, fault) => {
    const sts = await emulator();
    sts.fault("GetCallerIdentity", fault, { times: 1 });
    const { init, sleeps } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    await client.getCallerIdentity();
    expect(sleeps).toHaveLength(1);
  });

  it("gives up after maxAttempts (3 by default) and says so", async () => {
    const sts = await emulator();
    sts.fault("*", 503);
    const { init, sleeps } = contextFor(sts);
    const error = await failure(createStsClient({ ...init, credentials: sts.users[0] }).getCallerIdentity());
    expect(error.message).toBe(`An error occurred (503) when calling the GetCallerIdentity operation: Service Unavailable (HTTP 503 from ${sts.url}) after 3 attempts`);
    expect(sleeps).toEqual([500, 1000]);
    const once = await failure(createStsClient({ ...init, credentials: sts.users[0], maxAttempts: 1 }).getCallerIdentity());
    expect(once.message).not.toContain("attempts");
  });

  it("a 200 with garbage or cut-short XML is a clear error that quotes nothing", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0] });
    sts.fault("AssumeRole", "malformed-json", { times: 1 });
    const garbage = await failure(client.assumeRole({ roleArn: ROLE, roleSessionName: "s1" }));
    expect(garbage).toMatchObject({ code: "CredentialRetrieval", status: 200 });
    expect(garbage.message).toBe(`STS AssumeRole at ${sts.url} answered 200 without Credentials (AccessKeyId, SecretAccessKey, SessionToken, Expiration)`);
    sts.fault("AssumeRole", "truncated-json", { times: 1 });
    const cut = await failure(client.assumeRole({ roleArn: ROLE, roleSessionName: "s1" }));
    expect(cut.message).toContain("answered 200 without Credentials");
    expect(cut.message).not.toContain("ASIASTSEMULATOR");
    sts.fault("GetCallerIdentity", "empty-body", { times: 1 });
    expect((await failure(client.getCallerIdentity())).message).toContain("answered 200 without Arn, Account and UserId");
  });

  /** An AssumeRole answer as STS writes it, with the given Credentials fields. */
  const assumeRoleXml = (c: { SessionToken?: string; Expiration?: string }) =>
    `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>` +
    `<AccessKeyId>ASIAXMLTEST</AccessKeyId><SecretAccessKey>S3CRET-xml</SecretAccessKey>` +
    `<SessionToken>${c.SessionToken ?? "token"}</SessionToken><Expiration>${c.Expiration ?? "2099-01-01T00:00:00.359Z"}</Expiration>` +
    `</Credentials><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/dev/s1</Arn><AssumedRoleId>AROA:s1</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>`;

  it.each([
    ["without a zone", "2099-01-01T00:00:00"],
    ["a bare number", "1"],
  ])("a 200 whose Expiration is %s is CredentialRetrieval naming Expiration", async (_, expiration) => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    sts.fault("AssumeRole", { status: 200, body: assumeRoleXml({ Expiration: expiration }) });
    const error = await failure(createStsClient({ ...init, credentials: sts.users[0] }).assumeRole({ roleArn: ROLE, roleSessionName: "s1" }));
    expect(error).toMatchObject({ code: "CredentialRetrieval", key: "Expiration", status: 200 });
    expect(error.message).toBe(`STS AssumeRole at ${sts.url} answered 200 with an Expiration that is not an ISO 8601 time with a time zone (such as 2099-01-01T00:00:00Z)`);
  });

  it("reads STS's Expiration with milliseconds", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    sts.fault("AssumeRole", { status: 200, body: assumeRoleXml({}) });
    const { credentials } = await createStsClient({ ...init, credentials: sts.users[0] }).assumeRole({ roleArn: ROLE, roleSessionName: "s1" });
    expect(credentials.expiration?.toISOString()).toBe("2099-01-01T00:00:00.359Z");
  });

  it("a SessionToken with CR LF (as character references) is CredentialRetrieval naming it, never the value", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    sts.fault("AssumeRole", { status: 200, body: assumeRoleXml({ SessionToken: "tok&#13;&#10;X-Amz-Injected: 1" }) });
    const error = await failure(createStsClient({ ...init, credentials: sts.users[0] }).assumeRole({ roleArn: ROLE, roleSessionName: "s1" }));
    expect(error).toMatchObject({ code: "CredentialRetrieval", source: "assume-role", key: "SessionToken", tryNextLink: false });
    expect(error.message).toBe(`assume-role: SessionToken in the AssumeRole answer from ${sts.url} contains a control character (such as CR or LF)`);
    expect(error.message + JSON.stringify(error)).not.toContain("X-Amz-Injected");
  });

  it("an error body that is not STS XML is reported by status", async () => {
    const sts = await emulator();
    sts.fault("*", { status: 403, body: "<html><body>Forbidden by proxy</body></html>" });
    const { init } = contextFor(sts);
    const error = await failure(createStsClient({ ...init, credentials: sts.users[0] }).getCallerIdentity());
    expect(error.message).toMatch(/^An error occurred \(403\) when calling the GetCallerIdentity operation: Forbidden by proxy \(HTTP 403/);
  });

  it("quotes error bodies and STS messages redacted and short, and strips tags in linear time", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0S3CRETKEY";
    const sts = await emulator();
    const { init } = contextFor(sts);
    const client = createStsClient({ ...init, credentials: sts.users[0], maxAttempts: 1 });
    sts.fault("*", { status: 403, body: `<html><SessionToken>s3cret-xml</SessionToken><p>Forbidden ${secret}</p>${"<".repeat(200_000)}</html>` }, { times: 1 });
    const proxy = await failure(client.getCallerIdentity());
    expect(proxy.message).toMatch(/^An error occurred \(403\) when calling the GetCallerIdentity operation: \[redacted\] Forbidden \[redacted\] <<<</);
    expect(proxy.message.length).toBeLessThan(800);
    sts.fault("*", stsError("AccessDenied", `User is not authorized; request had Authorization: AWS4-HMAC-SHA256 Credential=AKIAEMULATORUSER0001/x, Signature=abc ${secret}`), { times: 1 });
    const denied = await failure(client.getCallerIdentity());
    expect(denied.message).toMatch(/^An error occurred \(AccessDenied\) when calling the GetCallerIdentity operation: User is not authorized; request had Authorization: \[redacted\] \(HTTP 403/);
    for (const error of [proxy, denied]) {
      expect(inspect(error, { depth: 10 })).not.toContain(secret.slice(0, 12));
      expect(inspect(error, { depth: 10 })).not.toContain("s3cret");
    }
  });

  it("without credentials, signed operations fail with NoCredentials before any request", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const error = await failure(createStsClient(init).getCallerIdentity());
    expect(error.code).toBe("NoCredentials");
    expect(sts.requests).toHaveLength(0);
  });

  it("an abort stops at once", async () => {
    const sts = await emulator();
    sts.fault("*", "hang");
    const { init } = contextFor(sts);
    const controller = new AbortController();
    const pending = createStsClient({ ...init, credentials: sts.users[0] }).getCallerIdentity({ signal: controller.signal });
    // Abort once the request has reached the (hanging) emulator.
    for (let i = 0; i < 500 && sts.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const error = await failure(pending);
    expect(error.message).toContain("the request was aborted");
    expect(sts.requests).toHaveLength(1);
  });

  it("a custom endpoint without a region is NoRegion, as botocore's NoRegionError", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const error = await failure(createStsClient({ ...init, region: undefined, credentials: sts.users[0] }).getCallerIdentity());
    expect(error.code).toBe("NoRegion");
  });

  it("signs for the configured region", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const seen: string[] = [];
    await createStsClient({
      ...init,
      region: "eu-central-1",
      credentials: sts.users[0],
      transport: async (request) => {
        seen.push(request.headers?.authorization ?? "");
        return { status: 200, headers: {}, body: "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>a</Arn><UserId>u</UserId><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>" };
      },
    }).getCallerIdentity();
    expect(seen[0]).toMatch(/Credential=AKIAEMULATORUSER0001\/20261123\/eu-central-1\/sts\/aws4_request/);
  });
});
