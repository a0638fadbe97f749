import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerDocument, isOwnHost, startCredentialsServer, type CredentialsServer } from "../src/credentials-server.js";

const KEYS = { accessKeyId: "AKIDSERVER", secretAccessKey: "server-secret-key", source: "env" as const };

describe(isOwnHost.name, () => {
  it.each([
    ["127.0.0.1:8123", true],
    ["localhost:8123", true],
    ["LocalHost:8123", true],
    ["[::1]:8123", true],
    ["127.0.0.1:8124", false],
    ["127.0.0.1", false],
    ["evil.example:8123", false],
    ["localhost.evil.example:8123", false],
    ["127.0.0.1.nip.io:8123", false],
    ["localhost.:8123", false],
    ["0.0.0.0:8123", false],
    ["", false],
    [undefined, false],
  ])("Host %s → %s", (host, ok) => {
    expect(isOwnHost(host, 8123)).toBe(ok);
  });

  it("a Host without a port names port 80", () => {
    expect(isOwnHost("localhost", 80)).toBe(true);
  });
});

describe(containerDocument.name, () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("long-term keys get no Expiration: never a made-up one", () => {
    expect(containerDocument(KEYS, now)).toEqual({ AccessKeyId: "AKIDSERVER", SecretAccessKey: "server-secret-key", Token: "" });
  });

  it("credentials that expire keep their own Expiration, and the account id", () => {
    const c = { ...KEYS, sessionToken: "tok", expiration: new Date("2026-01-01T00:42:07.250Z"), accountId: "123456789012" };
    expect(containerDocument(c, now)).toEqual({ AccessKeyId: "AKIDSERVER", SecretAccessKey: "server-secret-key", Token: "tok", Expiration: "2026-01-01T00:42:07.250Z", AccountId: "123456789012" });
  });

  it("a session whose source gave no expiry is re-checked in an hour", () => {
    expect(containerDocument({ ...KEYS, sessionToken: "tok" }, now).Expiration).toBe("2026-01-01T01:00:00Z");
  });
});

describe(startCredentialsServer.name, () => {
  let server: CredentialsServer;
  let port: number;
  beforeAll(async () => {
    server = await startCredentialsServer(async () => ({ ...KEYS, sessionToken: "tok", expiration: new Date(Date.now() + 3600_000) }));
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  /** A GET with exactly these headers (node:http sends no Host of its own when one is given). */
  const get = (headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += String(c)));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject).end();
    });

  it.each(["127.0.0.1", "localhost", "[::1]"])("serves Host %s with its port and the token", async (name) => {
    const r = await get({ host: `${name}:${port}`, authorization: server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ AccessKeyId: "AKIDSERVER", Token: "tok" });
  });

  it.each([
    ["a rebinding name with the right token", "evil.example"],
    ["a loopback name on another port", "127.0.0.1:1"],
    ["a name that only starts as loopback", "localhost.evil.example"],
  ])("refuses %s: 421 with a JSON error, before the token is looked at", async (_, host) => {
    const r = await get({ host: host.includes(":") ? host : `${host}:${port}`, authorization: server.token });
    expect(r.status).toBe(421);
    expect(JSON.parse(r.body)).toEqual({ code: "MisdirectedRequest", message: `this server answers only to Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port}` });
    expect(r.body).not.toContain("server-secret-key");
  });

  it("refuses a request without a Host header", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.end(`GET / HTTP/1.0\r\nAuthorization: ${server.token}\r\n\r\n`));
      let text = "";
      socket.on("data", (c: Buffer) => (text += String(c)));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 421 /);
    expect(raw).not.toContain("server-secret-key");
  });

  it.each([
    ["no token", {}],
    ["a wrong token", { authorization: "0".repeat(64) }],
  ])("refuses %s: 401", async (_, headers) => {
    const r = await get({ host: `127.0.0.1:${port}`, ...headers });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ code: "Unauthorized" });
  });
});
