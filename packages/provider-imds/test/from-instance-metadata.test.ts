import { createServer } from "node:net";
import { inspect } from "node:util";
import { directTransport, type Transport } from "@credchain/core";
import { startImds, type ImdsEmulator, type ImdsOptions } from "@credchain/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { fromInstanceMetadata, type InstanceMetadataInit } from "../src/from-instance-metadata.js";
import { failure, recordingLogger } from "./helpers.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const ROLE = "credchain-emulator-role";
const TOKEN_PATH = "/latest/api/token";
const LISTING = "/latest/meta-data/iam/security-credentials/";
const EXTENDED = `/latest/meta-data/iam/security-credentials-extended/${ROLE}`;
const LEGACY = `${LISTING}${ROLE}`;

let clock = T0;
let running: ImdsEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
  clock = T0;
});

async function emulator(options: ImdsOptions = {}) {
  const imds = await startImds({ now: () => clock, ...options });
  running.push(imds);
  return imds;
}

/** The provider on the shared clock, with the smallest jitter and a recording logger. */
function provider(env: Record<string, string>, init: InstanceMetadataInit = {}) {
  const { logger, lines } = recordingLogger();
  const p = fromInstanceMetadata({ env, now: () => clock, logger, random: () => 0, ...init });
  return { p, lines };
}

const paths = (imds: ImdsEmulator) => imds.requests.map((r) => `${r.method} ${r.path}`);
const puts = (imds: ImdsEmulator) => imds.requests.filter((r) => r.method === "PUT").length;

function expectNoSecrets(text: string, imds: ImdsEmulator) {
  expect(text).not.toContain(imds.credentials().secretAccessKey);
  expect(text).not.toContain(imds.credentials().sessionToken);
  expect(text).not.toContain("AQAEAemulatorImdsToken");
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real transport, counting requests. */
function countingTransport(): { transport: Transport; count: () => number } {
  const real = directTransport();
  let n = 0;
  return { transport: (request) => (n++, real(request)), count: () => n };
}

describe(fromInstanceMetadata.name, () => {
  describe("IMDSv2", () => {
    it("gets the role's credentials with AccountId from the extended path", async () => {
      const imds = await emulator();
      const creds = await provider(imds.env).p();
      expect(creds).toMatchObject({
        source: "iam-role",
        accessKeyId: "ASIAEMULATOR00000001",
        secretAccessKey: imds.credentials().secretAccessKey,
        sessionToken: imds.credentials().sessionToken,
        accountId: "123456789012",
      });
      expect(creds.expiration?.toISOString()).toBe("2026-11-22T18:00:00.000Z");
      expect(paths(imds)).toEqual([`PUT ${TOKEN_PATH}`, `GET ${LISTING}`, `GET ${EXTENDED}`]);
      expect(imds.requests[0]!.headers["x-aws-ec2-metadata-token-ttl-seconds"]).toBe("21600");
      expect(imds.requests.slice(1).every((r) => r.headers["x-aws-ec2-metadata-token"] === "[redacted]" && r.status === 200)).toBe(true);
      expectNoSecrets(JSON.stringify(creds) + inspect(creds), imds);
    });

    it("reuses the token for its TTL, then fetches a new one", async () => {
      const imds = await emulator();
      const { p } = provider(imds.env);
      await p();
      await p();
      await p();
      expect(puts(imds)).toBe(1);
      clock = T0 + 21600_000 - 30_000; // inside the margin before the token's expiry
      await p();
      expect(puts(imds)).toBe(2);
      expect(imds.requests.every((r) => r.status === 200)).toBe(true);
    });

    it("replaces a cached token that IMDS refuses (401)", async () => {
      const imds = await emulator({ allowV1: false });
      const { p } = provider(imds.env);
      await p();
      imds.fault(LISTING, 401, { times: 1 });
      expect((await p()).accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(puts(imds)).toBe(2);
    });

    it("with AWS_EC2_INSTANCE_PROFILE_NAME or instanceProfileName skips the role listing", async () => {
      const imds = await emulator();
      await provider({ ...imds.env, AWS_EC2_INSTANCE_PROFILE_NAME: ROLE }).p();
      await provider(imds.env, { instanceProfileName: ROLE }).p();
      expect(paths(imds).filter((p) => p === `GET ${LISTING}`)).toHaveLength(0);
      expect(paths(imds).filter((p) => p === `GET ${EXTENDED}`)).toHaveLength(2);
    });
  });

  describe("extended and legacy paths", () => {
    it("falls back to the legacy path on 404 (no AccountId), and remembers", async () => {
      const imds = await emulator({ extended: false });
      const { p } = provider(imds.env);
      const creds = await p();
      expect(creds.accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(creds.accountId).toBeUndefined();
      await p();
      expect(paths(imds)).toEqual([`PUT ${TOKEN_PATH}`, `GET ${LISTING}`, `GET ${EXTENDED}`, `GET ${LEGACY}`, `GET ${LISTING}`, `GET ${LEGACY}`]);
    });
  });

  describe("IMDSv1 fallback", () => {
    it.each([404, 403, 405])("token answer %i: GETs without a token", async (status) => {
      const imds = await emulator();
      imds.fault(TOKEN_PATH, status);
      const { p } = provider(imds.env, { maxAttempts: 3 });
      expect((await p()).accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(puts(imds)).toBe(1);
      expect(imds.requests.filter((r) => r.method === "GET").every((r) => r.headers["x-aws-ec2-metadata-token"] === undefined)).toBe(true);
    });

    it("other statuses are retried, then IMDSv1", async () => {
      const imds = await emulator();
      imds.fault(TOKEN_PATH, 503);
      expect((await provider(imds.env, { maxAttempts: 2 }).p()).accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(puts(imds)).toBe(2);
    });

    it("a token timeout is not retried: IMDSv1 at once", async () => {
      const imds = await emulator();
      imds.fault(TOKEN_PATH, "hang");
      expect((await provider(imds.env, { timeoutMs: 100, maxAttempts: 3 }).p()).accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(puts(imds)).toBe(1);
    });

    it("a token answer of 400 ends with no credentials (botocore's BadIMDSRequestError)", async () => {
      const imds = await emulator();
      imds.fault(TOKEN_PATH, 400);
      const error = await failure(provider(imds.env).p());
      expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
      expect(paths(imds)).toEqual([`PUT ${TOKEN_PATH}`]);
    });

    it.each<[string, Record<string, string>, InstanceMetadataInit]>([
      ["option", {}, { v1Disabled: true }],
      ["env", { AWS_EC2_METADATA_V1_DISABLED: "true" }, {}],
    ])("v1 disabled (%s): MetadataRetrieval, no GET", async (_, env, init) => {
      const imds = await emulator();
      imds.fault(TOKEN_PATH, 404);
      const error = await failure(provider({ ...imds.env, ...env }, init).p());
      expect(error).toMatchObject({ code: "MetadataRetrieval", source: "iam-role", tryNextLink: false });
      expect(error.message).toContain("IMDSv1 has been disabled");
      expect(paths(imds)).toEqual([`PUT ${TOKEN_PATH}`]);
    });

    it("IMDS refusing v1 (HttpTokens required) with no token: nothing found", async () => {
      const imds = await emulator({ allowV1: false });
      imds.fault(TOKEN_PATH, 403);
      expect(await failure(provider(imds.env).p())).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    });
  });

  it("AWS_EC2_METADATA_DISABLED=TrUe: notFound without a request", async () => {
    const imds = await emulator();
    const error = await failure(provider({ ...imds.env, AWS_EC2_METADATA_DISABLED: "TrUe" }).p());
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "iam-role" });
    expect(error.lookedAt?.envVars).toContain("AWS_EC2_METADATA_DISABLED");
    expect(imds.requests).toHaveLength(0);
  });

  it("a bad endpoint mode is InvalidConfig, even with IMDS disabled (botocore fails building its chain)", async () => {
    const error = await failure(provider({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv5", AWS_EC2_METADATA_DISABLED: "true" }).p());
    expect(error).toMatchObject({ code: "InvalidConfig", tryNextLink: false });
  });

  describe("failures", () => {
    it("a hanging listing times out on every attempt: notFound", async () => {
      const imds = await emulator();
      imds.fault(LISTING, "hang");
      const error = await failure(provider(imds.env, { timeoutMs: 100, maxAttempts: 3, negativeCacheMs: 0 }).p());
      expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
      expect(error.lookedAt?.note).toMatch(/no response within 100 ms \(3 attempts\)/);
      expect(paths(imds).filter((p) => p === `GET ${LISTING}`)).toHaveLength(3);
    });

    it("maxAttempts wins over AWS_METADATA_SERVICE_NUM_ATTEMPTS, which wins over the profile's key", async () => {
      const imds = await emulator();
      imds.fault(LISTING, 500);
      const profileSettings = { name: "dev", values: { metadata_service_num_attempts: "4" } };
      const listings = () => paths(imds).filter((p) => p === `GET ${LISTING}`).length;
      await failure(provider({ ...imds.env, AWS_METADATA_SERVICE_NUM_ATTEMPTS: "2" }, { maxAttempts: 5 }).p());
      expect(listings()).toBe(5);
      await failure(provider({ ...imds.env, AWS_METADATA_SERVICE_NUM_ATTEMPTS: "2" }, { profileSettings }).p());
      expect(listings()).toBe(5 + 2);
      await failure(provider(imds.env, { profileSettings }).p());
      expect(listings()).toBe(5 + 2 + 4);
    });

    it("a delay within the timeout is just slow", async () => {
      const imds = await emulator();
      imds.fault("*", { delayMs: 20 });
      expect((await provider(imds.env).p()).accessKeyId).toBe("ASIAEMULATOR00000001");
    });

    it("500 then success with maxAttempts 2", async () => {
      const imds = await emulator();
      imds.fault(EXTENDED, 500, { times: 1 });
      expect((await provider(imds.env, { maxAttempts: 2 }).p()).accessKeyId).toBe("ASIAEMULATOR00000001");
      expect(imds.requests.map((r) => r.status)).toEqual([200, 200, 500, 200]);
    });

    it("500 with one attempt: notFound naming the status", async () => {
      const imds = await emulator();
      imds.fault(EXTENDED, 500);
      const error = await failure(provider(imds.env).p());
      expect(error.lookedAt?.note).toContain("answered 500");
    });

    it.each(["malformed-json", "truncated-json", "empty-body"] as const)("%s credentials: retried, then notFound without secrets", async (fault) => {
      const imds = await emulator();
      imds.fault(EXTENDED, fault);
      const { p, lines } = provider(imds.env, { maxAttempts: 2 });
      const error = await failure(p());
      expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
      expect(error.lookedAt?.note).toMatch(fault === "empty-body" ? /empty body/ : /not valid JSON/);
      expect(paths(imds).filter((p) => p === `GET ${EXTENDED}`)).toHaveLength(2);
      expectNoSecrets(inspect(error, { depth: 10 }) + lines.join("\n"), imds);
    });

    it("an empty role listing is notFound", async () => {
      const imds = await emulator();
      imds.fault(LISTING, { status: 200, body: "" });
      const error = await failure(provider(imds.env).p());
      expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
      expect(error.lookedAt?.note).toContain("empty body");
    });

    it("no role attached (listing 404) is notFound", async () => {
      const imds = await emulator({ roleName: null });
      const error = await failure(provider(imds.env).p());
      expect(error.lookedAt?.note).toMatch(/no instance role is attached/);
    });

    it("a 200 with Code and Message (EC2 cannot assume the role) is notFound naming the Code", async () => {
      const imds = await emulator();
      imds.fault(EXTENDED, { status: 200, body: JSON.stringify({ Code: "AssumeRoleUnauthorizedAccess", Message: "EC2 cannot assume the role", LastUpdated: "2026-11-22T12:00:00Z" }) });
      const error = await failure(provider(imds.env).p());
      expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
      expect(error.lookedAt?.note).toMatch(/has no AccessKeyId, SecretAccessKey, Token, Expiration \(Code "AssumeRoleUnauthorizedAccess"/);
    });

    it("quotes what IMDS listed as the role, and its Code, redacted and short", async () => {
      const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0S3CRETKEY";
      const imds = await emulator();
      imds.fault(LISTING, { status: 200, body: `role-${secret}-${"r.".repeat(2500)}` });
      const listed = await failure(provider(imds.env, { maxAttempts: 1 }).p());
      expect(listed.message).toMatch(/GET \/latest\/meta-data\/iam\/security-credentials\/role-\[redacted\]-(r\.)+r?… \(4,\d{3} more characters\) answered 404$/);
      expect(listed.message.length).toBeLessThan(800);
      const other = await emulator();
      other.fault(EXTENDED, { status: 200, body: JSON.stringify({ Code: `Denied Token=${secret} ${"c".repeat(5000)}` }) });
      const coded = await failure(provider(other.env).p());
      expect(coded.lookedAt?.note).toMatch(/\(Code "Denied Token=\[redacted\]"\)$/);
      for (const error of [listed, coded]) expect(inspect(error, { depth: 10 })).not.toContain(secret.slice(0, 12));
    });

    it("a credentials answer of JSON null is CredentialRetrieval (botocore: TypeError)", async () => {
      const imds = await emulator();
      imds.fault(EXTENDED, { status: 200, body: "null" });
      expect(await failure(provider(imds.env).p())).toMatchObject({ code: "CredentialRetrieval", tryNextLink: false });
    });

    it.each([
      ["not a date", "soon"],
      ["without a zone (never read as local time)", "2099-01-01T00:00:00"],
      ["a bare number", "1"],
    ])("an Expiration %s is CredentialRetrieval", async (_, expiration) => {
      const imds = await emulator();
      imds.fault(EXTENDED, { status: 200, body: JSON.stringify({ AccessKeyId: "A", SecretAccessKey: "S3CRET", Token: "T", Expiration: expiration }) });
      const error = await failure(provider(imds.env).p());
      expect(error).toMatchObject({ code: "CredentialRetrieval" });
      expect(error.message).toContain("has an Expiration that is not an ISO 8601 time with a time zone");
      expect(error.message).not.toContain("S3CRET");
    });

    it.each([
      ["Token", "sessionToken", "IQoJ\r\nX-Amz-Injected: 1"],
      ["AccessKeyId", "accessKeyId", "ASIA\n"],
      ["SecretAccessKey", "secretAccessKey", "\u0000S3CRET"],
    ])("a %s with a control character is CredentialRetrieval naming it and the path, never the value", async (key, field, value) => {
      const imds = await emulator();
      imds.setCredentials({ [field]: value });
      const error = await failure(provider(imds.env).p());
      expect(error).toMatchObject({ code: "CredentialRetrieval", source: "iam-role", key, tryNextLink: false });
      expect(error.message).toBe(
        `iam-role: ${key} in the answer from /latest/meta-data/iam/security-credentials-extended/${ROLE} contains a control character (such as CR or LF)`,
      );
      expectNoSecrets(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`, imds);
      expect(`${error.message}`).not.toContain(value);
    });
  });

  describe("static stability", () => {
    it("expired credentials are served with the expiration extended by window + jitter, with a warning", async () => {
      const imds = await emulator();
      imds.fault(EXTENDED, "expired-credentials");
      const { p, lines } = provider(imds.env);
      const creds = await p();
      expect(creds.expiration?.getTime()).toBe(T0 + 900_000 + 120_000);
      expect(lines.some((l) => l.startsWith("warn: iam-role:") && l.includes("static stability"))).toBe(true);
      expectNoSecrets(lines.join("\n"), imds);
    });

    it("a failed refresh while holding credentials serves them, extended", async () => {
      const imds = await emulator();
      const { p, lines } = provider(imds.env, { random: () => 0.5 });
      const first = await p();
      clock = first.expiration!.getTime() + 1000;
      imds.fault("*", 500);
      const again = await p();
      expect(again.accessKeyId).toBe(first.accessKeyId);
      expect(again.expiration!.getTime()).toBe(clock + 900_000 + 360_000);
      expect(lines.filter((l) => l.startsWith("warn:"))).toHaveLength(1);
    });

    it("a failed call while the held credentials are still good serves them unchanged", async () => {
      const imds = await emulator();
      const { p } = provider(imds.env);
      const first = await p();
      imds.fault("*", "reset");
      const again = await p();
      expect(again.expiration).toEqual(first.expiration);
    });
  });

  describe("negative cache", () => {
    it("a closed port is tried once, then skipped until the cache expires", async () => {
      const port = await closedPort();
      const { transport, count } = countingTransport();
      const { p } = provider({ AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}` }, { transport });
      const first = await failure(p());
      expect(first).toMatchObject({ code: "NoCredentials", tryNextLink: true });
      expect(first.lookedAt?.note).toMatch(/connection failed \(ECONNREFUSED\)/);
      const sent = count();
      expect(sent).toBe(2); // the token PUT, then the IMDSv1 listing
      const started = performance.now();
      const second = await failure(p());
      expect(performance.now() - started).toBeLessThan(50);
      expect(second.lookedAt?.note).toBe("IMDS unreachable (cached)");
      expect(count()).toBe(sent);
      clock += 60_001;
      await failure(p());
      expect(count()).toBe(sent * 2);
    });

    it("a hanging endpoint is remembered too; one that answered is not", async () => {
      const imds = await emulator();
      imds.fault("*", "hang");
      const { p } = provider(imds.env, { timeoutMs: 50 });
      await failure(p());
      const seen = imds.requests.length;
      expect((await failure(p())).lookedAt?.note).toBe("IMDS unreachable (cached)");
      expect(imds.requests).toHaveLength(seen);

      imds.clearFaults();
      imds.fault(LISTING, 404);
      const other = provider(imds.env);
      await failure(other.p());
      await failure(other.p());
      expect(paths(imds).slice(seen)).toEqual([`PUT ${TOKEN_PATH}`, `GET ${LISTING}`, `GET ${LISTING}`]);
    });

    it("with v1 disabled, a cached unreachable endpoint is still MetadataRetrieval", async () => {
      const port = await closedPort();
      const { p } = provider({ AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}` }, { v1Disabled: true });
      expect(await failure(p())).toMatchObject({ code: "MetadataRetrieval" });
      expect(await failure(p())).toMatchObject({ code: "MetadataRetrieval" });
    });
  });
});
