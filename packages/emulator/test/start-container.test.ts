import { afterEach, describe, expect, it } from "vitest";
import { startContainer, type ContainerEmulator, type ContainerOptions } from "../src/start-container.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
let running: ContainerEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function start(options: ContainerOptions = {}) {
  const clock = { t: T0 };
  const container = await startContainer({ now: () => clock.t, ...options });
  running.push(container);
  return { container, clock };
}

async function get(url: string, authorization?: string) {
  const r = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
  return { status: r.status, body: await r.text() };
}

describe(startContainer.name, () => {
  it("serves ECS/EKS-shaped credentials on /creds and gives the env to use", async () => {
    const { container } = await start();
    expect(container.fullUri).toBe(`${container.url}/creds`);
    expect(container.env).toEqual({ AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri });
    const r = await get(container.fullUri);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      RoleArn: "arn:aws:iam::123456789012:role/credchain-emulator-role",
      AccessKeyId: "ASIAEMULATOR00000001",
      SecretAccessKey: container.credentials().secretAccessKey,
      Token: "emulatorSessionToken/00000001",
      AccountId: "123456789012",
      Expiration: "2026-11-22T18:00:00Z",
    });
  });

  it("serves a configurable path, ignoring the query, and 404s others", async () => {
    const { container } = await start({ path: "/v2/credentials/abc-123", roleArn: null, accountId: null });
    const r = await get(`${container.url}/v2/credentials/abc-123?x=1`);
    expect(Object.keys(JSON.parse(r.body))).toEqual(["AccessKeyId", "SecretAccessKey", "Token", "Expiration"]);
    expect((await get(`${container.url}/creds`)).status).toBe(404);
    await expect(startContainer({ path: "creds" })).rejects.toThrow(RangeError);
  });

  it("requires the Authorization value when configured: missing 401, wrong 403", async () => {
    const { container } = await start({ authorizationToken: "Bearer right" });
    expect(container.env.AWS_CONTAINER_AUTHORIZATION_TOKEN).toBe("Bearer right");
    expect((await get(container.fullUri)).status).toBe(401);
    expect((await get(container.fullUri, "Bearer wrong")).status).toBe(403);
    expect((await get(container.fullUri, "Bearer right")).status).toBe(200);
    expect(container.requests.map((r) => r.headers.authorization)).toEqual([undefined, "[redacted]", "[redacted]"]);
    expect(JSON.stringify(container.requests)).not.toContain("right");
  });

  it("answers 405 to methods other than GET", async () => {
    const { container } = await start();
    expect((await fetch(container.fullUri, { method: "POST" })).status).toBe(405);
  });

  it("rotates and serves set credentials", async () => {
    const { container } = await start();
    container.rotate();
    expect(JSON.parse((await get(container.fullUri)).body).AccessKeyId).toBe("ASIAEMULATOR00000002");
    container.setCredentials({ accessKeyId: "ASIAFIXED", sessionToken: undefined });
    const body = JSON.parse((await get(container.fullUri)).body);
    expect(body.AccessKeyId).toBe("ASIAFIXED");
    expect(body).not.toHaveProperty("Token");
  });

  it.each([401, 403, 404, 500, 503])("fault: answers status %i", async (status) => {
    const { container } = await start();
    container.fault("/creds", status, { times: 1 });
    expect((await get(container.fullUri)).status).toBe(status);
    expect((await get(container.fullUri)).status).toBe(200);
  });

  it("fault: expired credentials, malformed and truncated JSON", async () => {
    const { container } = await start();
    container.fault("/creds", "expired-credentials", { times: 1 });
    container.fault("/creds", "malformed-json", { times: 1 });
    container.fault("/creds", "truncated-json", { times: 1 });
    expect(JSON.parse((await get(container.fullUri)).body).Expiration).toBe("2026-11-22T11:59:00Z");
    const malformed = (await get(container.fullUri)).body;
    const truncated = (await get(container.fullUri)).body;
    expect(() => JSON.parse(malformed)).toThrow();
    expect(() => JSON.parse(truncated)).toThrow();
    expect(truncated.startsWith("{")).toBe(true);
  });

  it("fault: reset and hang, and close() ends the hanging request", async () => {
    const { container } = await start();
    container.fault("*", "reset", { times: 1 });
    await expect(fetch(container.fullUri)).rejects.toThrow(/fetch failed/);
    container.fault("*", "hang");
    const pending = fetch(container.fullUri);
    while (container.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    await container.close();
    await expect(pending).rejects.toThrow(/fetch failed/);
  });
});
