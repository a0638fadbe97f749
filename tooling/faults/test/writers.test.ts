import { execFile, spawn, spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseConfig } from "@credchain/core";
import { startLogin, startSso, startSsoOidc } from "@credchain/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { faultHome, runCli, type CliRun, type FaultHome } from "../src/index.js";

// Many real `credchain` processes write one file, or refresh one cached token, at once. Each
// case prints its wall time (a 2-core machine shared with other work: 100 node processes take a
// few seconds to start).

const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const homes: FaultHome[] = [];
afterAll(() => Promise.all(homes.map((h) => h.remove())));
async function home(): Promise<FaultHome> {
  const h = await faultHome();
  homes.push(h);
  return h;
}

/** Runs every argv at once as its own CLI process; long timeouts, as 100 processes share 2 cores. */
async function together(label: string, argvs: string[][], env: Record<string, string>): Promise<CliRun[]> {
  const t = performance.now();
  const runs = await Promise.all(argvs.map((argv) => runCli(argv, { env, timeoutMs: 90_000 })));
  console.log(`${label}: ${argvs.length} processes in ${Math.round(performance.now() - t)} ms`);
  return runs;
}
const failed = (runs: CliRun[]) => runs.filter((r) => r.code !== 0).map((r) => ({ code: r.code, timedOut: r.timedOut, stderr: r.stderr.slice(0, 300) }));
const sections = (text: string, file: string) => parseConfig(text, { file }) as Record<string, Record<string, string>>;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Reads `file` in a loop in its own process (so spawning the writers cannot starve it) until
 * `until` settles: every read must parse, end with a newline and lose no profile seen before.
 * Resolves with how many reads it made, all of them while writers ran.
 */
async function readWhile(file: string, until: Promise<unknown>): Promise<number> {
  const core = new URL("../../../packages/core/dist/index.js", import.meta.url).href;
  const script = `
    const { readFileSync } = require("node:fs");
    import(${JSON.stringify(core)}).then(({ parseConfig }) => {
      let reads = 0, seen = 0, stop = false;
      process.stdin.on("data", () => (stop = true));
      const loop = () => {
        if (stop) return process.stdout.write(JSON.stringify({ reads }));
        let text = "";
        try { text = readFileSync(${JSON.stringify(file)}, "utf8"); } catch (e) { if (e.code !== "ENOENT") throw e; }
        if (text !== "" && !text.endsWith("\\n")) throw new Error("a whole file ends with its last line");
        const n = Object.keys(parseConfig(text, { file: "credentials" })).length;
        if (n < seen) throw new Error("a profile was lost between two reads: " + seen + " then " + n);
        seen = n; reads++;
        setImmediate(loop);
      };
      loop();
    });`;
  const reader = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  reader.stdout.on("data", (c: Buffer) => (out += c));
  reader.stderr.on("data", (c: Buffer) => (err += c));
  const exited = new Promise<number | null>((resolve) => reader.on("close", resolve));
  await until.catch(() => {});
  reader.stdin.end("stop");
  const code = await exited;
  expect(err, "the reader saw only whole, parsable files").toBe("");
  expect(code).toBe(0);
  return (JSON.parse(out) as { reads: number }).reads;
}

describe("concurrent credchain configure set: every key kept", () => {
  it("30 processes, 30 profiles, one credentials file: 30/30", async () => {
    const h = await home();
    const runs = await together("configure set x30", range(30).map((i) => ["configure", "set", "--profile", `p${i}`, "aws_access_key_id", `AKIDWRITER${i}`]), h.env());
    expect(failed(runs)).toEqual([]);
    const file = join(h.dir, ".aws", "credentials");
    const parsed = sections(await readFile(file, "utf8"), file);
    expect(Object.keys(parsed)).toHaveLength(30);
    for (const i of range(30)) expect(parsed[`p${i}`]).toEqual({ aws_access_key_id: `AKIDWRITER${i}` });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(h.dir, ".aws"))).toEqual(["credentials"]);
  });

  it("100 processes on one file while a reader parses it in a loop: 100/100, never a torn or unparsable file", async () => {
    const h = await home();
    const file = join(h.dir, ".aws", "credentials");
    const writers = together("configure set x100", range(100).map((i) => ["configure", "set", "--profile", `p${i}`, "aws_secret_access_key", `secret${i}`]), h.env());
    const reads = await readWhile(file, writers);
    const runs = await writers;
    console.log(`reader: ${reads} reads, all parsed`);
    expect(failed(runs)).toEqual([]);
    const parsed = sections(await readFile(file, "utf8"), file);
    expect(Object.keys(parsed)).toHaveLength(100);
    for (const i of range(100)) expect(parsed[`p${i}`]).toEqual({ aws_secret_access_key: `secret${i}` });
    expect(reads).toBeGreaterThan(10);
    expect(await readdir(join(h.dir, ".aws"))).toEqual(["credentials"]);
  }, 180_000);

  it("a mix of config and credentials keys, with a symlinked credentials file and an 0644 config: links and modes kept", async () => {
    const h = await home();
    await h.write({ "dotfiles/aws/credentials": "# managed by my dotfiles\n[default]\naws_access_key_id = AKIDDEFAULT\n", ".aws/config": "[default]\nregion = eu-west-1\n" });
    await chmod(join(h.dir, "dotfiles", "aws", "credentials"), 0o640);
    await chmod(join(h.dir, ".aws", "config"), 0o644);
    await symlink("../dotfiles/aws/credentials", join(h.dir, ".aws", "credentials"));
    const argvs = range(20).flatMap((i) => [
      ["configure", "set", "--profile", `p${i}`, "aws_access_key_id", `AKIDMIX${i}`],
      ["configure", "set", "--profile", `p${i}`, "aws_secret_access_key", `secretmix${i}`],
      ["configure", "set", "--profile", `p${i}`, "region", `us-west-${i}`],
    ]);
    expect(failed(await together("configure set mix x60", argvs, h.env()))).toEqual([]);

    const link = join(h.dir, ".aws", "credentials");
    const target = join(h.dir, "dotfiles", "aws", "credentials");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe("../dotfiles/aws/credentials");
    const credentialsText = await readFile(target, "utf8");
    expect(credentialsText.startsWith("# managed by my dotfiles\n[default]\naws_access_key_id = AKIDDEFAULT\n")).toBe(true);
    const credentials = sections(credentialsText, target);
    const config = sections(await readFile(join(h.dir, ".aws", "config"), "utf8"), "config");
    for (const i of range(20)) {
      expect(credentials[`p${i}`]).toEqual({ aws_access_key_id: `AKIDMIX${i}`, aws_secret_access_key: `secretmix${i}` });
      expect(config[`profile p${i}`]).toEqual({ region: `us-west-${i}` });
    }
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect((await stat(join(h.dir, ".aws", "config"))).mode & 0o777).toBe(0o644);
    expect((await readdir(join(h.dir, ".aws"))).sort()).toEqual(["config", "credentials"]);
    expect(await readdir(join(h.dir, "dotfiles", "aws"))).toEqual(["credentials"]);
  }, 120_000);

  it("breaks a lock left by a dead process at once, and waits for a live owner", async () => {
    const h = await home();
    await mkdir(join(h.dir, ".aws"));
    const lock = join(h.dir, ".aws", "credentials.lock");
    const plant = (pid: number) => writeFile(lock, JSON.stringify({ pid, hostname: hostname(), createdAt: new Date().toISOString(), id: "planted" }));
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    await plant(dead);
    const first = await runCli(["configure", "set", "--profile", "a", "aws_access_key_id", "AKIDA"], { env: h.env() });
    expect([first.code, first.stderr]).toEqual([0, ""]);

    const owner = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await plant(owner.pid!);
      const pending = runCli(["configure", "set", "--profile", "b", "aws_access_key_id", "AKIDB"], { env: h.env(), timeoutMs: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Still waiting for the live owner: nothing written yet.
      expect(await readFile(join(h.dir, ".aws", "credentials"), "utf8")).not.toContain("[b]");
      owner.kill("SIGKILL");
      const second = await pending;
      expect([second.code, second.stderr]).toEqual([0, ""]);
      expect(second.ms).toBeGreaterThan(1400);
    } finally {
      owner.kill("SIGKILL");
    }
    expect(sections(await readFile(join(h.dir, ".aws", "credentials"), "utf8"), "credentials")).toEqual({ a: { aws_access_key_id: "AKIDA" }, b: { aws_access_key_id: "AKIDB" } });
    expect(await readdir(join(h.dir, ".aws"))).toEqual(["credentials"]);
  });

  it.skipIf(!hasAws || !hasBotocore)("AWS CLI v1 and botocore read what credchain writes, with aws configure set interleaved", async () => {
    const h = await home();
    const env = h.env({ PATH: process.env.PATH ?? "/usr/bin:/bin", AWS_CONFIG_FILE: join(h.dir, ".aws", "config"), AWS_SHARED_CREDENTIALS_FILE: join(h.dir, ".aws", "credentials") });
    const aws = (...args: string[]) => promisify(execFile)("aws", args, { env, encoding: "utf8" }).then((r) => r.stdout.trim());
    // credchain, then the AWS CLI, then credchain again, on the same files.
    expect(failed(await together("configure set x10", range(10).map((i) => ["configure", "set", "--profile", `p${i}`, "aws_access_key_id", `AKIDCC${i}`]), env))).toEqual([]);
    await aws("configure", "set", "aws_access_key_id", "AKIDAWS1", "--profile", "aws1");
    await aws("configure", "set", "region", "ap-south-1", "--profile", "p3");
    expect(failed(await together("configure set x10", range(10).map((i) => ["configure", "set", "--profile", `p${i}`, "aws_secret_access_key", `secretcc${i}`]), env))).toEqual([]);
    await aws("configure", "set", "aws_secret_access_key", "secretaws1", "--profile", "aws1");

    expect(await aws("configure", "get", "aws_access_key_id", "--profile", "p7")).toBe("AKIDCC7");
    expect(await aws("configure", "get", "aws_secret_access_key", "--profile", "p7")).toBe("secretcc7");
    expect(await aws("configure", "get", "region", "--profile", "p3")).toBe("ap-south-1");
    const ours = await runCli(["configure", "get", "--profile", "aws1", "aws_access_key_id"], { env });
    expect(ours.stdout).toBe("AKIDAWS1\n");

    const script = `
import json, botocore.session
out = {}
for p in ["p0", "p9", "aws1"]:
    c = botocore.session.Session(profile=p).get_credentials()
    out[p] = [c.access_key, c.secret_key]
print(json.dumps(out))`;
    const py = await promisify(execFile)("python3", ["-c", script], { env, encoding: "utf8" });
    expect(JSON.parse(py.stdout)).toEqual({ p0: ["AKIDCC0", "secretcc0"], p9: ["AKIDCC9", "secretcc9"], aws1: ["AKIDAWS1", "secretaws1"] });
  }, 120_000);
});

const START_URL = "https://corp.awsapps.com/start";
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("concurrent refresh of one expired cached token, rotating refresh tokens", () => {
  for (const n of [10, 30]) {
    it(`SSO: ${n} credchain export processes all succeed with exactly one CreateToken`, async () => {
      const h = await home();
      const sso = await startSso({ accessTokens: {}, roles: { "111122223333": ["Developer"] } });
      const oidc = await startSsoOidc({ portal: sso });
      try {
        const cache = join(h.dir, ".aws", "sso", "cache", `${createHash("sha1").update("corp").digest("hex")}.json`);
        await h.write({
          ".aws/config": `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Developer\n\n[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = eu-west-1\n`,
          [cache.slice(h.dir.length + 1)]: JSON.stringify({
            startUrl: START_URL,
            region: "eu-west-1",
            accessToken: "expired-access-token",
            expiresAt: iso(Date.now() - 3600_000),
            refreshToken: "emulator-refresh-token",
            clientId: "emulator-client-id",
            clientSecret: "emulator-client-secret",
            registrationExpiresAt: iso(Date.now() + 86400_000),
          }),
        });
        const runs = await together(`sso export x${n}`, range(n).map(() => ["export", "--profile", "dev", "--format", "json"]), h.env({ ...sso.env, ...oidc.env }));
        expect(failed(runs)).toEqual([]);
        expect(runs.every((r) => (JSON.parse(r.stdout) as { Source: string }).Source === "sso")).toBe(true);
        expect(oidc.requests.filter((r) => r.path === "/token").map((r) => r.status)).toEqual([200]);
        expect(JSON.parse(await readFile(cache, "utf8"))).toMatchObject({ accessToken: "emulator-sso-access-token-00000001", refreshToken: "emulator-refresh-token-00000001" });
        expect((await stat(cache)).mode & 0o777).toBe(0o600);
        expect((await readdir(join(h.dir, ".aws", "sso", "cache"))).length).toBe(1);
      } finally {
        await Promise.all([sso.close(), oidc.close()]);
      }
    }, 120_000);
  }

  for (const n of [10, 30]) {
    it(`login: ${n} credchain export processes all succeed with exactly one CreateOAuth2Token`, async () => {
      const h = await home();
      const login = await startLogin();
      try {
        const session = "arn:aws:iam::111122223333:user/alice";
        const cache = join(h.dir, ".aws", "login", "cache", `${createHash("sha256").update(session).digest("hex")}.json`);
        const dpopKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "sec1" }) as string;
        await h.write({
          ".aws/config": `[profile dev]\nlogin_session = ${session}\nregion = eu-west-1\n`,
          [cache.slice(h.dir.length + 1)]: JSON.stringify({
            accessToken: {
              accessKeyId: "ASIAEXPIRED000000001",
              secretAccessKey: "expiredSecret",
              sessionToken: "expiredSessionToken",
              accountId: "111122223333",
              expiresAt: iso(Date.now() - 60_000),
            },
            tokenType: "aws_sigv4",
            clientId: "arn:aws:signin:::devtools/same-device",
            refreshToken: "emulator-login-refresh-token",
            dpopKey,
          }),
        });
        const runs = await together(`login export x${n}`, range(n).map(() => ["export", "--profile", "dev", "--format", "json"]), h.env(login.env));
        expect(failed(runs)).toEqual([]);
        expect(runs.map((r) => (JSON.parse(r.stdout) as { AccessKeyId: string }).AccessKeyId)).toEqual(Array(n).fill("ASIALOGINEMU00000001"));
        expect(login.requests.map((r) => r.status)).toEqual([200]);
        expect(JSON.parse(await readFile(cache, "utf8"))).toMatchObject({ refreshToken: "emulator-login-refresh-token-00000001" });
        expect((await readdir(join(h.dir, ".aws", "login", "cache"))).length).toBe(1);
      } finally {
        await login.close();
      }
    }, 120_000);
  }
});
