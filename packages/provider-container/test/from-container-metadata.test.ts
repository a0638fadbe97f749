import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { type HttpRequest, type Logger, type Transport } from "@credchain/core";
import { TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { startContainer, type ContainerEmulator, type Fault } from "@credchain/emulator";
import { BAD_PATH_REASONS, makeBadPaths, rejection as failure } from "@credchain/test-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fromContainerMetadata, type ContainerMetadataInit } from "../src/from-container-metadata.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const TOKEN = "Bearer emulator-auth-token-value";

let dir: string;
let running: ContainerEmulator[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-container-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function emulator(options: Parameters<typeof startContainer>[0] = {}) {
  const container = await startContainer({ now: () => T0, authorizationToken: TOKEN, ...options });
  running.push(container);
  return container;
}

/** The provider with instant sleeps (recorded) and a recording logger. */
function provider(env: Record<string, string>, init: ContainerMetadataInit = {}) {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const logger: Logger = { debug: (m) => lines.push(m), warn: (m) => lines.push(`warn: ${m}`) };
  const p = fromContainerMetadata({ env, now: () => T0, logger, sleep: async (ms) => void sleeps.push(ms), ...init });
  return { p, sleeps, lines };
}

function expectNoSecrets(text: string, c: ContainerEmulator) {
  expect(text).not.toContain(c.credentials().secretAccessKey);
  expect(text).not.toContain(c.credentials().sessionToken);
  expect(text).not.toContain("emulator-auth-token-value");
}

describe(fromContainerMetadata.name, () => {
  it("is notFound, naming both variables, when neither is set", async () => {
    const error = await failure(provider({}).p());
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "container-role" });
    expect(error.lookedAt?.envVars).toEqual(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]);
  });

  it("gets expiring credentials from FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN", async () => {
    const c = await emulator();
    const creds = await provider(c.env).p();
    expect(creds).toMatchObject({
      source: "container-role",
      accessKeyId: "ASIAEMULATOR00000001",
      secretAccessKey: c.credentials().secretAccessKey,
      sessionToken: c.credentials().sessionToken,
      accountId: "123456789012",
    });
    expect(creds.expiration?.toISOString()).toBe("2026-11-22T18:00:00.000Z");
    expect(JSON.stringify(creds)).not.toContain(c.credentials().secretAccessKey);
    expect(c.requests).toHaveLength(1);
    expect(c.requests[0]!.headers).toMatchObject({ accept: "application/json", authorization: "[redacted]" });
  });

  it("leaves accountId out when the endpoint sends none (ECS)", async () => {
    const c = await emulator({ accountId: null });
    expect((await provider(c.env).p()).accountId).toBeUndefined();
  });

  it("reads the token file on every call, and the file wins over the variable", async () => {
    const c = await emulator();
    const file = join(dir, "eks-token");
    await writeFile(file, "Bearer stale");
    const { p } = provider({ ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file }, { maxAttempts: 1 });
    expect(await failure(p())).toMatchObject({ code: "CredentialRetrieval", status: 403 });
    await writeFile(file, TOKEN);
    expect((await p()).accessKeyId).toBe("ASIAEMULATOR00000001");
  });

  it.each(["fifo", "devZero", "directory", "danglingSymlink", "overCap"] as const)(
    "fails at once with CredentialRetrieval, calling nothing, when the token file is a %s (botocore: OSError, or a hang)",
    async (which) => {
      const c = await emulator();
      const path = (await makeBadPaths(await mkdtemp(join(dir, "bad-")), TOKEN_FILE_MAX_BYTES))[which];
      const started = Date.now();
      const error = await failure(provider({ ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: path }).p());
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toMatchObject({ code: "CredentialRetrieval", tryNextLink: false, file: path, key: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE" });
      expect(error.message).toContain(`cannot read the token file ${path} (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): it ${BAD_PATH_REASONS[which]}`);
      expect(c.requests).toHaveLength(0);
    },
  );

  it("sends no Authorization header when no token is configured (missing → 401)", async () => {
    const c = await emulator();
    const error = await failure(provider({ AWS_CONTAINER_CREDENTIALS_FULL_URI: c.fullUri }).p());
    expect(error).toMatchObject({ status: 401 });
    expect(c.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("calls http://169.254.170.2<RELATIVE_URI>, marked direct: never through a proxy (checked through an injected transport)", async () => {
    const seen: HttpRequest[] = [];
    const transport: Transport = async (request) => {
      seen.push(request);
      return { status: 200, headers: {}, body: JSON.stringify({ AccessKeyId: "A", SecretAccessKey: "S", Token: "T", Expiration: "2026-11-22T18:00:00Z" }) };
    };
    const { p } = provider({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/abc", AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:1/x" }, { transport });
    await p();
    expect(seen).toEqual([{ method: "GET", url: "http://169.254.170.2/v2/credentials/abc", headers: { accept: "application/json" }, timeoutMs: 2000, direct: true }]);
  });

  it("refuses a disallowed FULL_URI host with InvalidConfig before any request", async () => {
    let called = false;
    const transport: Transport = async () => {
      called = true;
      throw new Error("unreachable");
    };
    const error = await failure(provider({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://creds.example.com/x", AWS_CONTAINER_AUTHORIZATION_TOKEN: TOKEN }, { transport }).p());
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_CONTAINER_CREDENTIALS_FULL_URI", tryNextLink: false });
    expect(called).toBe(false);
  });

  it("refuses a token with a line break with InvalidConfig", async () => {
    const c = await emulator();
    const error = await failure(provider({ ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN: `${TOKEN}\n` }).p());
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_CONTAINER_AUTHORIZATION_TOKEN" });
    expectNoSecrets(error.message, c);
    expect(c.requests).toHaveLength(0);
  });

  describe("faults at first fetch", () => {
    it.each([401, 403, 404, 405, 500, 503])("status %i: three attempts a second apart, then CredentialRetrieval", async (status) => {
      const c = await emulator();
      c.fault("/creds", status);
      const { p, sleeps } = provider(c.env);
      const error = await failure(p());
      expect(error).toMatchObject({ code: "CredentialRetrieval", source: "container-role", status, key: "AWS_CONTAINER_CREDENTIALS_FULL_URI", tryNextLink: false });
      expect(error.message).toContain(`non 200 response ${status}`);
      expect(error.message).toContain(c.fullUri);
      expect(error.message).toContain("3 attempts");
      expectNoSecrets(error.message, c);
      expect(c.requests).toHaveLength(3);
      expect(sleeps).toEqual([1000, 1000]);
    });

    it("never echoes the token, even when the endpoint puts it in its error body", async () => {
      const c = await emulator();
      c.fault("/creds", { status: 400, body: `bad token ${TOKEN}` });
      const error = await failure(provider(c.env, { maxAttempts: 1 }).p());
      expect(error.message).toContain("bad token [redacted]");
      expectNoSecrets(error.message, c);
    });

    it("quotes an error body redacted and cut to 512 characters", async () => {
      const c = await emulator();
      const { secretAccessKey, sessionToken } = c.credentials();
      const body = `{"message": "denied", "SecretAccessKey": "${secretAccessKey}", "Token": "${sessionToken}"}\n<Password>hunter2-S3CRET</Password>\n${"x".repeat(5000)}`;
      c.fault("/creds", { status: 500, body });
      const error = await failure(provider(c.env, { maxAttempts: 1 }).p());
      expect(error.message).toContain('received non 200 response 500 ("{\\"message\\": \\"denied\\", \\"SecretAccessKey\\": [redacted]');
      expect(error.message).toMatch(/… \(\d,\d{3} more characters\)"\)/);
      expect(error.message.length).toBeLessThan(800);
      expect(error.message).not.toContain("S3CRET");
      expectNoSecrets(inspect(error, { depth: 10 }), c);
    });

    it.each<[Fault, RegExp]>([
      ["malformed-json", /unable to parse the JSON/],
      ["truncated-json", /unable to parse the JSON/],
      ["empty-body", /unable to parse the JSON/],
      ["reset", /connection failed/],
    ])("%s: retried, then CredentialRetrieval without secrets", async (fault, reason) => {
      const c = await emulator();
      c.fault("/creds", fault);
      const { p, lines } = provider(c.env);
      const error = await failure(p());
      expect(error.code).toBe("CredentialRetrieval");
      expect(error.message).toMatch(reason);
      expectNoSecrets(error.message, c);
      expectNoSecrets(lines.join("\n"), c);
      expectNoSecrets(inspect(error, { depth: 10 }), c);
      expect(c.requests).toHaveLength(3);
    });

    it("keeps no trace of an unparseable 200 body, not even in the error's cause", async () => {
      const c = await emulator();
      c.fault("/creds", { status: 200, body: "S3CRET-PARTIAL-BODY" });
      const error = await failure(provider(c.env, { maxAttempts: 1 }).p());
      expect(error.message).toMatch(/unable to parse the JSON/);
      expect(inspect(error, { depth: 10 })).not.toContain("S3CRET");
    });

    it("hang: each attempt times out, then CredentialRetrieval", async () => {
      const c = await emulator();
      c.fault("/creds", "hang");
      const error = await failure(provider(c.env, { timeoutMs: 100 }).p());
      expect(error.message).toMatch(/no response within 100 ms .*\(3 attempts\)/);
      expect(c.requests).toHaveLength(3);
    });

    it("a delay within the timeout is just slow", async () => {
      const c = await emulator();
      c.fault("/creds", { delayMs: 20 });
      expect((await provider(c.env).p()).accessKeyId).toBe("ASIAEMULATOR00000001");
    });

    it("a transient failure is retried: two 503s then success", async () => {
      const c = await emulator();
      c.fault("/creds", 503, { times: 2 });
      const { p, sleeps } = provider(c.env);
      expect((await p()).accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(c.requests.map((r) => r.status)).toEqual([503, 503, 200]);
      expect(sleeps).toEqual([1000, 1000]);
    });

    it("expired credentials are returned as they are, with a warning (refreshing is withRefresh's job)", async () => {
      const c = await emulator();
      c.fault("/creds", "expired-credentials");
      const { p, lines } = provider(c.env);
      const creds = await p();
      expect(creds.expiration?.toISOString()).toBe("2026-11-22T11:59:00.000Z");
      expect(lines.some((l) => l.startsWith("warn: container-role: the credentials") && l.includes("expired"))).toBe(true);
    });

    it.each([
      ["no Token", { AccessKeyId: "A", SecretAccessKey: "S3CRET", Expiration: "2026-11-22T18:00:00Z" }, /has no Token/],
      ["no Expiration", { AccessKeyId: "A", SecretAccessKey: "S3CRET", Token: "T" }, /has no Expiration/],
      ["a bad Expiration", { AccessKeyId: "A", SecretAccessKey: "S3CRET", Token: "T", Expiration: "soon" }, /Expiration that is not an ISO 8601 time with a time zone/],
      ["an Expiration without a zone", { AccessKeyId: "A", SecretAccessKey: "S3CRET", Token: "T", Expiration: "2099-01-01T00:00:00" }, /Expiration that is not an ISO 8601 time with a time zone/],
      ["a Token with CR LF", { AccessKeyId: "A", SecretAccessKey: "S3CRET", Token: "T\r\nX-Amz-Injected: 1", Expiration: "2099-01-01T00:00:00Z" }, /^container-role: Token in the response from http:\/\/127\.0\.0\.1:\d+\/creds contains a control character/],
      ["an AccountId with a NUL", { AccessKeyId: "A", SecretAccessKey: "S3CRET", Token: "T", Expiration: "2099-01-01T00:00:00Z", AccountId: "1\u00002" }, /^container-role: AccountId in the response/],
      ["not an object", ["S3CRET"], /not a JSON object/],
    ])("a 200 with %s: CredentialRetrieval at once (botocore: KeyError / ValueError)", async (_, body, reason) => {
      const c = await emulator();
      c.fault("/creds", { status: 200, body: JSON.stringify(body) });
      const error = await failure(provider(c.env).p());
      expect(error.code).toBe("CredentialRetrieval");
      expect(error.message).toMatch(reason);
      expect(error.message).not.toContain("S3CRET");
      expect(error.message).not.toContain("X-Amz-Injected");
      expect(c.requests).toHaveLength(1);
    });
  });

  it("stops at once when the call is aborted", async () => {
    const c = await emulator();
    c.fault("/creds", "hang");
    const controller = new AbortController();
    const { p } = provider(c.env);
    const pending = failure(p({ signal: controller.signal }));
    while (c.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ code: "CredentialRetrieval" });
    expect(error.message).toContain("aborted");
    expect(c.requests).toHaveLength(1);
  });
});
