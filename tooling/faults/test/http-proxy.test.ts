import { execFile, spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { startContainer, startImds, startProxy, startSts, type ContainerEmulator, type ImdsEmulator, type ProxyEmulator, type StsEmulator } from "@credchain/emulator";
import { selfSignedCert } from "@credchain/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { faultHome, findSecrets, PLANTED, runCli, type FaultHome } from "../src/index.js";

// A corporate proxy in front of AWS, end to end through the real CLI: STS (over TLS, behind a
// CONNECT proxy that alone can resolve sts.example.test) goes through HTTPS_PROXY; the instance
// metadata service and the container endpoint never do, even with HTTP_PROXY set, where botocore
// would send them through it.
const ROLE = "arn:aws:iam::123456789012:role/behind-proxy";
const tls = selfSignedCert();
let sts: StsEmulator;
let imds: ImdsEmulator;
let container: ContainerEmulator;
let proxy: ProxyEmulator;
let strict: ProxyEmulator;
let home: FaultHome;

beforeAll(async () => {
  [imds, container, proxy, strict] = await Promise.all([startImds(), startContainer(), startProxy(), startProxy({ credentials: { username: "corp", password: PLANTED.password } })]);
  // STS accepts the instance role's and the task role's session credentials as callers.
  container.setCredentials({ accessKeyId: "ASIAFAULTSTASKROLE01" });
  const caller = (c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined }, name: string) => ({ ...c, arn: `arn:aws:sts::123456789012:assumed-role/${name}/i` });
  sts = await startSts({ tls, users: [caller(imds.credentials(), "instance"), caller(container.credentials(), "task")] });
  home = await faultHome();
  await home.write({
    ".aws/config": [
      `[profile from-imds]\nrole_arn = ${ROLE}\ncredential_source = Ec2InstanceMetadata\nregion = us-east-1\n`,
      `[profile from-task]\nrole_arn = ${ROLE}\ncredential_source = EcsContainer\nregion = us-east-1\n`,
    ].join("\n"),
  });
});
afterAll(async () => {
  await Promise.all([sts?.close(), imds?.close(), container?.close(), proxy?.close(), strict?.close(), home?.remove()]);
  tls.remove();
});
beforeEach(async () => {
  proxy.requests.length = 0;
  strict.requests.length = 0;
  // Each case makes its own AssumeRole call: no role credentials cached by an earlier one.
  await rm(join(home.dir, ".aws/cli/cache"), { recursive: true, force: true });
});

const stsAt = () => `https://sts.example.test:${sts.port}`;
/** The environment of a process behind the proxy, trusting the STS emulator's certificate. */
const env = (extra: Record<string, string> = {}) =>
  home.env({
    AWS_EC2_METADATA_DISABLED: "false",
    ...imds.env,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri,
    AWS_ENDPOINT_URL_STS: stsAt(),
    NODE_EXTRA_CA_CERTS: tls.certFile,
    HTTPS_PROXY: proxy.url,
    HTTP_PROXY: proxy.url,
    ...extra,
  });

describe("credchain behind HTTPS_PROXY / HTTP_PROXY", () => {
  it.each([
    ["from-imds", "instance metadata", () => imds.requests.length],
    ["from-task", "container endpoint", () => container.requests.length],
  ] as const)("profile %s: AssumeRole through the proxy (CONNECT), the %s direct", async (profile, _, served) => {
    const before = { calls: sts.calls.length, served: served() };
    const run = await runCli(["export", "--profile", profile, "--format", "json"], { env: env(), timeoutMs: 20_000 });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Source: "assume-role", AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(sts.calls.slice(before.calls).map((c) => c.action)).toEqual(["AssumeRole"]);
    expect(served()).toBeGreaterThan(before.served);
    // The proxy saw the STS call and nothing else.
    expect(proxy.requests.map((r) => r.line)).toEqual([`CONNECT sts.example.test:${sts.port}`]);
  });

  it("names a proxy that is down in the error, without its password", async () => {
    // A down proxy: the STS call fails, naming the proxy (not its password) and the variable's effect.
    const down = await runCli(["export", "--profile", "from-imds", "--format", "json"], {
      env: env({ HTTPS_PROXY: `http://corp:${encodeURIComponent(PLANTED.password)}@127.0.0.1:9` }),
      timeoutMs: 30_000,
    });
    expect(down.code).not.toBe(0);
    const { Error: error } = JSON.parse(down.stdout) as { Error: { Code: string; Message: string } };
    expect(error.Code).toBe("CredentialRetrieval");
    expect(error.Message).toContain("connection failed (proxy http://127.0.0.1:9: ECONNREFUSED)");
    expect(findSecrets(down.stdout + down.stderr)).toEqual([]);
  });

  it("authenticates to the proxy with the URL's user and password, and never shows them", async () => {
    const withUser = strict.url.replace("//", `//corp:${encodeURIComponent(PLANTED.password)}@`);
    const ok = await runCli(["export", "--profile", "from-task", "--format", "json"], { env: env({ HTTPS_PROXY: withUser, HTTP_PROXY: withUser }), timeoutMs: 20_000 });
    expect(ok.code).toBe(0);
    expect(strict.requests.map((r) => [r.line, r.status])).toEqual([[`CONNECT sts.example.test:${sts.port}`, 200]]);

    await rm(join(home.dir, ".aws/cli/cache"), { recursive: true, force: true });
    const wrong = strict.url.replace("//", `//corp:${encodeURIComponent(`${PLANTED.password}-wrong`)}@`);
    // With debug lines on: they must not show the password either.
    const refused = await runCli(["export", "--profile", "from-task", "--format", "json"], {
      env: env({ HTTPS_PROXY: wrong, CREDCHAIN_DEBUG: "1" }),
      timeoutMs: 30_000,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain(`proxy ${strict.url}: answered CONNECT with 407 Proxy Authentication Required`);
    expect(findSecrets(refused.stdout + refused.stderr)).toEqual([]);
  });
});

// The reference, on the same scenario: botocore also sends AssumeRole through HTTPS_PROXY with
// CONNECT, and sends the instance metadata requests through HTTP_PROXY (credchain never does:
// a proxy cannot reach the instance's metadata service, and must not see its credentials).
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

describe.runIf(hasBotocore)("botocore behind the same proxy", () => {
  it("tunnels AssumeRole through HTTPS_PROXY, and sends IMDS through HTTP_PROXY", async () => {
    const script = "import boto3; print(boto3.Session(profile_name='from-imds').get_credentials().get_frozen_credentials().access_key)";
    const e = env({ AWS_CA_BUNDLE: tls.certFile });
    const { stdout } = await promisify(execFile)("python3", ["-c", script], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...e } });
    expect(stdout.trim()).toMatch(/^ASIA/);
    const lines = proxy.requests.map((r) => r.line);
    expect(lines).toContain(`CONNECT sts.example.test:${sts.port}`);
    expect(lines).toContain(`PUT ${imds.url}/latest/api/token`);
  });
});
