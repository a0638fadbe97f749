import { afterEach, describe, expect, it } from "vitest";
import { startImds, type ImdsEmulator, type ImdsOptions } from "../src/start-imds.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const ROLE = "credchain-emulator-role";
const CREDS = `/latest/meta-data/iam/security-credentials/${ROLE}`;

let running: ImdsEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function start(options: ImdsOptions = {}) {
  const clock = { t: T0 };
  const imds = await startImds({ now: () => clock.t, ...options });
  running.push(imds);
  return { imds, clock };
}

async function token(imds: ImdsEmulator, ttl = "21600"): Promise<string> {
  const r = await fetch(`${imds.url}/latest/api/token`, { method: "PUT", headers: { "x-aws-ec2-metadata-token-ttl-seconds": ttl } });
  expect(r.status).toBe(200);
  return r.text();
}

async function get(imds: ImdsEmulator, path: string, tok?: string) {
  const r = await fetch(imds.url + path, { headers: tok === undefined ? {} : { "x-aws-ec2-metadata-token": tok } });
  return { status: r.status, body: await r.text() };
}

describe(startImds.name, () => {
  it("listens on 127.0.0.1 with a free port and gives the env to use", async () => {
    const { imds } = await start();
    expect(imds.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(imds.port).toBeGreaterThan(0);
    expect(imds.env).toEqual({ AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url });
  });

  it("issues IMDSv2 tokens and echoes the TTL", async () => {
    const { imds } = await start();
    const r = await fetch(`${imds.url}/latest/api/token`, { method: "PUT", headers: { "x-aws-ec2-metadata-token-ttl-seconds": "300" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-aws-ec2-metadata-token-ttl-seconds")).toBe("300");
    expect(await r.text()).toMatch(/^AQAE/);
  });

  it.each([["0"], ["21601"], ["abc"], ["-5"], [undefined]])("refuses TTL %s with 400", async (ttl) => {
    const { imds } = await start();
    const r = await fetch(`${imds.url}/latest/api/token`, {
      method: "PUT",
      headers: ttl === undefined ? {} : { "x-aws-ec2-metadata-token-ttl-seconds": ttl },
    });
    expect(r.status).toBe(400);
  });

  it("answers GET on the token route with 405", async () => {
    const { imds } = await start();
    expect((await get(imds, "/latest/api/token")).status).toBe(405);
  });

  it("serves the role listing and the role's credentials with a token", async () => {
    const { imds } = await start();
    const tok = await token(imds);
    expect(await get(imds, "/latest/meta-data/iam/security-credentials/", tok)).toEqual({ status: 200, body: ROLE });
    const r = await get(imds, CREDS, tok);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      Code: "Success",
      LastUpdated: "2026-11-22T12:00:00Z",
      Type: "AWS-HMAC",
      AccessKeyId: "ASIAEMULATOR00000001",
      SecretAccessKey: imds.credentials().secretAccessKey,
      Token: "emulatorSessionToken/00000001",
      Expiration: "2026-11-22T18:00:00Z",
    });
  });

  it("serves AccountId on the extended route, and 404s it when extended is off", async () => {
    const { imds } = await start();
    const tok = await token(imds);
    expect(await get(imds, "/latest/meta-data/iam/security-credentials-extended/", tok)).toEqual({ status: 200, body: ROLE });
    const r = await get(imds, `/latest/meta-data/iam/security-credentials-extended/${ROLE}`, tok);
    expect(JSON.parse(r.body).AccountId).toBe("123456789012");

    const { imds: old } = await start({ extended: false });
    const oldTok = await token(old);
    expect((await get(old, "/latest/meta-data/iam/security-credentials-extended/", oldTok)).status).toBe(404);
    expect((await get(old, `/latest/meta-data/iam/security-credentials-extended/${ROLE}`, oldTok)).status).toBe(404);
  });

  it("404s an unknown role, and the listing when no role is attached", async () => {
    const { imds } = await start();
    expect((await get(imds, "/latest/meta-data/iam/security-credentials/other-role")).status).toBe(404);
    const { imds: bare } = await start({ roleName: null });
    expect((await get(bare, "/latest/meta-data/iam/security-credentials/")).status).toBe(404);
  });

  it("serves region, availability zone (with or without a trailing slash) and the identity document", async () => {
    const { imds } = await start({ region: "eu-west-1" });
    expect((await get(imds, "/latest/meta-data/placement/region")).body).toBe("eu-west-1");
    expect((await get(imds, "/latest/meta-data/placement/availability-zone")).body).toBe("eu-west-1a");
    expect((await get(imds, "/latest/meta-data/placement/availability-zone/")).body).toBe("eu-west-1a");
    const doc = JSON.parse((await get(imds, "/latest/dynamic/instance-identity/document")).body);
    expect(doc).toMatchObject({ region: "eu-west-1", availabilityZone: "eu-west-1a", accountId: "123456789012" });
  });

  it("refuses invalid and expired tokens with 401", async () => {
    const { imds, clock } = await start();
    expect((await get(imds, CREDS, "not-a-token")).status).toBe(401);
    const tok = await token(imds, "60");
    expect((await get(imds, CREDS, tok)).status).toBe(200);
    clock.t += 60_000;
    expect((await get(imds, CREDS, tok)).status).toBe(401);
  });

  it("serves IMDSv1 by default and refuses it when allowV1 is false", async () => {
    const { imds } = await start();
    expect((await get(imds, CREDS)).status).toBe(200);
    const { imds: v2only } = await start({ allowV1: false });
    expect((await get(v2only, CREDS)).status).toBe(401);
    expect((await get(v2only, CREDS, await token(v2only))).status).toBe(200);
  });

  it("rotates deterministically, on demand and five minutes before expiry", async () => {
    const { imds, clock } = await start({ credentialLifetimeSeconds: 3600 });
    expect(JSON.parse((await get(imds, CREDS)).body).AccessKeyId).toBe("ASIAEMULATOR00000001");
    imds.rotate();
    expect(JSON.parse((await get(imds, CREDS)).body).AccessKeyId).toBe("ASIAEMULATOR00000002");
    clock.t += 56 * 60_000;
    const body = JSON.parse((await get(imds, CREDS)).body);
    expect(body.AccessKeyId).toBe("ASIAEMULATOR00000003");
    expect(body.LastUpdated).toBe("2026-11-22T12:56:00Z");
  });

  it("serves credentials given with setCredentials", async () => {
    const { imds } = await start();
    imds.setCredentials({ accessKeyId: "ASIAFIXED", secretAccessKey: "fixed-secret", sessionToken: "fixed-token", expiration: "2026-11-22T12:30:00Z" });
    expect(JSON.parse((await get(imds, CREDS)).body)).toMatchObject({
      AccessKeyId: "ASIAFIXED",
      SecretAccessKey: "fixed-secret",
      Token: "fixed-token",
      Expiration: "2026-11-22T12:30:00Z",
    });
  });

  it("reports each answered request to onRequest", async () => {
    const seen: string[] = [];
    const { imds } = await start({ onRequest: (r) => seen.push(`${r.method} ${r.path} ${r.status ?? r.fault}`) });
    imds.fault(CREDS, "reset", { times: 1 });
    await get(imds, "/latest/meta-data/placement/region");
    await expect(get(imds, CREDS)).rejects.toThrow();
    expect(seen).toEqual(["GET /latest/meta-data/placement/region 200", `GET ${CREDS} reset`]);
  });

  it("logs requests with token values redacted", async () => {
    const { imds } = await start();
    const tok = await token(imds);
    await get(imds, CREDS, tok);
    expect(imds.requests.map((r) => [r.method, r.path, r.status, r.time])).toEqual([
      ["PUT", "/latest/api/token", 200, T0],
      ["GET", CREDS, 200, T0],
    ]);
    expect(imds.requests[1]!.headers["x-aws-ec2-metadata-token"]).toBe("[redacted]");
    expect(JSON.stringify(imds.requests)).not.toContain(tok);
  });
});

describe("imds faults", () => {
  it.each([401, 403, 404, 405, 500, 503])("answers status %i, transiently with times", async (status) => {
    const { imds } = await start();
    imds.fault(CREDS, status, { times: 1 });
    expect((await get(imds, CREDS)).status).toBe(status);
    expect((await get(imds, CREDS)).status).toBe(200);
    expect(imds.requests[0]!.fault).toBe(status);
  });

  it("answers a custom status and body", async () => {
    const { imds } = await start();
    imds.fault("*", { status: 200, body: '{"Code":"AssumeRoleUnauthorizedAccess","Message":"no"}' });
    expect(JSON.parse((await get(imds, CREDS)).body).Code).toBe("AssumeRoleUnauthorizedAccess");
    imds.clearFaults();
    expect(JSON.parse((await get(imds, CREDS)).body).Code).toBe("Success");
  });

  it("serves malformed, truncated and empty bodies", async () => {
    const { imds } = await start();
    imds.fault(CREDS, "malformed-json", { times: 1 });
    imds.fault(CREDS, "truncated-json", { times: 1 });
    imds.fault(CREDS, "empty-body", { times: 1 });
    const bodies = [(await get(imds, CREDS)).body, (await get(imds, CREDS)).body, (await get(imds, CREDS)).body];
    for (const b of bodies) expect(() => JSON.parse(b)).toThrow();
    expect(bodies[1]!.startsWith("{")).toBe(true);
    expect(bodies[2]).toBe("");
  });

  it("serves expired credentials", async () => {
    const { imds } = await start();
    imds.fault(CREDS, "expired-credentials", { times: 1 });
    expect(JSON.parse((await get(imds, CREDS)).body).Expiration).toBe("2026-11-22T11:59:00Z");
  });

  it("delays, then answers normally", async () => {
    const { imds } = await start();
    imds.fault(CREDS, { delayMs: 20 }, { times: 1 });
    expect((await get(imds, CREDS)).status).toBe(200);
    expect(imds.requests[0]!.fault).toBe("delay");
  });

  it("resets the connection", async () => {
    const { imds } = await start();
    imds.fault("/latest/api/token", "reset", { times: 1 });
    await expect(token(imds)).rejects.toThrow(/fetch failed/);
    expect(await token(imds)).toMatch(/^AQAE/);
  });

  it("hangs until close(), which ends the hanging connection", async () => {
    const { imds } = await start();
    imds.fault("*", "hang");
    const pending = fetch(imds.url + CREDS);
    await waitFor(() => imds.requests.length === 1);
    await imds.close();
    await expect(pending).rejects.toThrow(/fetch failed/);
  });

  it("closes while a delayed answer is pending", async () => {
    const { imds } = await start();
    imds.fault("*", { delayMs: 60_000 });
    const pending = fetch(imds.url + CREDS);
    await waitFor(() => imds.requests.length === 1);
    await imds.close();
    await expect(pending).rejects.toThrow(/fetch failed/);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}
