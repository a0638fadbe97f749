import { execFile, spawnSync } from "node:child_process";
import { readFile, readdir, stat, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultChain } from "../src/index.js";
import { createCredentials } from "@credchain/core";
import { readRegularFile, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { roleCacheKey, withRoleFileCache } from "../src/role-file-cache.js";
import { envFor, homeWith } from "./home.js";

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts({ roles: [{ arn: "arn:aws:iam::123456789012:role/dev" }, { arn: "arn:aws:iam::123456789012:role/mfa", requireMfa: true }] });
});
afterAll(() => sts.close());

const CONFIG = `[profile user]
aws_access_key_id = AKIAEMULATORUSER0001
aws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx
[profile dev]
role_arn = arn:aws:iam::123456789012:role/dev
source_profile = user
[profile mfa]
role_arn = arn:aws:iam::123456789012:role/mfa
source_profile = user
mfa_serial = arn:aws:iam::123456789012:mfa/me
duration_seconds = 1800
`;
const env = (home: string) => envFor(home, { ...sts.env, AWS_DEFAULT_REGION: "us-east-1", PATH: process.env.PATH ?? "" });
const assumeCalls = () => sts.calls.filter((c) => c.action === "AssumeRole").length;

describe("assumed-role file cache (~/.aws/cli/cache)", () => {
  it.skipIf(!hasBotocore)("names entries exactly as botocore does", () => {
    const cases = [
      { RoleArn: "arn:aws:iam::123456789012:role/dev" },
      { RoleArn: "arn:aws:iam::123456789012:role/dev", RoleSessionName: "me", ExternalId: "ext/ü", SerialNumber: "arn:aws:iam::1:mfa/x", DurationSeconds: 1800 },
    ];
    const py = spawnSync(
      "python3",
      ["-c", `
import json, sys
from botocore.credentials import AssumeRoleCredentialFetcher
out = []
for args in json.load(sys.stdin):
    extra = {k: v for k, v in args.items() if k != "RoleArn"}
    f = AssumeRoleCredentialFetcher(client_creator=None, source_credentials=None, role_arn=args["RoleArn"], extra_args=extra)
    out.append(f._create_cache_key())
print(json.dumps(out))`],
      { input: JSON.stringify(cases), encoding: "utf8" },
    );
    expect(py.stderr).toBe("");
    expect(cases.map(roleCacheKey)).toEqual(JSON.parse(py.stdout));
  });

  it("writes the entry 0600 and serves it to a new process without calling STS or asking for MFA", async () => {
    const home = await homeWith({ ".aws/config": CONFIG });
    const before = assumeCalls();
    let asked = 0;
    const mfaCode = () => (asked++, "123456");
    const first = await defaultChain({ env: env(home), profile: "mfa", roleCache: "file", mfaCode })();
    const dir = join(home, ".aws", "cli", "cache");
    const [file] = await readdir(dir);
    expect((await stat(join(dir, file as string))).mode & 0o777).toBe(0o600);
    const second = await defaultChain({ env: env(home), profile: "mfa", roleCache: "file", mfaCode })();
    expect(second.accessKeyId).toBe(first.accessKeyId);
    expect(assumeCalls() - before).toBe(1);
    expect(asked).toBe(1);
  });

  it("ignores corrupt and nearly expired entries", async () => {
    const home = await homeWith({ ".aws/config": CONFIG });
    const dir = join(home, ".aws", "cli", "cache");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${roleCacheKey({ RoleArn: "arn:aws:iam::123456789012:role/dev" })}.json`);
    await writeFile(file, "{not json");
    const before = assumeCalls();
    await defaultChain({ env: env(home), profile: "dev", roleCache: "file" })();
    const soon = new Date(Date.now() + 5 * 60_000).toISOString().slice(0, 19) + "UTC";
    await writeFile(file, JSON.stringify({ Credentials: { AccessKeyId: "ASIAOLD", SecretAccessKey: "s", SessionToken: "t", Expiration: soon } }));
    const c = await defaultChain({ env: env(home), profile: "dev", roleCache: "file" })();
    expect(c.accessKeyId).not.toBe("ASIAOLD");
    expect(assumeCalls() - before).toBe(2);
  });

  it.each(BAD_PATH_KINDS)("treats an entry that is a %s as a miss, at once (botocore hangs on a FIFO)", async (which) => {
    const home = await homeWith({ ".aws/config": CONFIG });
    const dir = join(home, ".aws", "cli", "cache");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${roleCacheKey({ RoleArn: "arn:aws:iam::123456789012:role/dev" })}.json`);
    await makeBadPath(which, file, TOKEN_FILE_MAX_BYTES);
    const lines: string[] = [];
    const logger = { debug: (m: string) => void lines.push(m), warn: (m: string) => void lines.push(m) };
    const before = assumeCalls();
    const started = Date.now();
    const c = await defaultChain({ env: env(home), profile: "dev", roleCache: "file", logger })();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(c.source).toBe("assume-role");
    expect(assumeCalls() - before).toBe(1);
    expect(lines).toContain(`assume-role: no usable cache entry: ${file} ${which === "overCap" ? "is over credchain's 1 MiB cap for this file (not read)" : BAD_PATH_REASONS[which]}`);
  });

  it("never writes over an entry that lasts longer (another process wrote it meanwhile); replaces one that does not", async () => {
    const home = await homeWith({});
    const dir = join(home, ".aws", "cli", "cache");
    await mkdir(dir, { recursive: true });
    const file = join(dir, "k.json");
    const at = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19) + "UTC";
    const fresh = async () =>
      createCredentials({ accessKeyId: "ASIAFRESH", secretAccessKey: "s", sessionToken: "t", expiration: new Date(Date.now() + 3600_000), source: "assume-role" });
    const cached = withRoleFileCache(fresh, { dir, key: "k", now: Date.now, logger: { debug() {}, warn() {} }, readFile: readRegularFile });
    const later = JSON.stringify({ Credentials: { AccessKeyId: "ASIALATER", SecretAccessKey: "s", SessionToken: "t", Expiration: at(5 * 3600_000) } });
    await writeFile(file, later);
    expect((await cached({ forceRefresh: true })).accessKeyId).toBe("ASIAFRESH");
    expect(await readFile(file, "utf8")).toBe(later);
    await writeFile(file, JSON.stringify({ Credentials: { AccessKeyId: "ASIAOLDER", SecretAccessKey: "s", SessionToken: "t", Expiration: at(1800_000) } }));
    await cached({ forceRefresh: true });
    expect(JSON.parse(await readFile(file, "utf8")).Credentials.AccessKeyId).toBe("ASIAFRESH");
    expect(await readdir(dir)).toEqual(["k.json"]);
    // An entry that cannot be written (here: not a file) costs a warning, never the resolution.
    const warnings: string[] = [];
    await mkdir(join(dir, "d.json"));
    const blocked = withRoleFileCache(fresh, { dir, key: "d", now: Date.now, logger: { debug() {}, warn: (m) => void warnings.push(m) }, readFile: readRegularFile });
    expect((await blocked()).accessKeyId).toBe("ASIAFRESH");
    expect(warnings).toEqual([expect.stringContaining(`assume-role: could not write the cache entry ${join(dir, "d.json")}: EISDIR`)]);
  });

  it.each([
    ["…UTC, as botocore writes it", (t: Date) => `${t.toISOString().slice(0, 19)}UTC`, true],
    ["+00:00, as the AWS CLI v2 writes it", (t: Date) => `${t.toISOString().slice(0, 19)}+00:00`, true],
    ["without a zone (never read as local time)", (t: Date) => t.toISOString().slice(0, 19), false],
    ["a bare number", () => "1", false],
  ])("reads an Expiration written %s, or ignores the entry", async (_, format, used) => {
    const home = await homeWith({ ".aws/config": CONFIG });
    const dir = join(home, ".aws", "cli", "cache");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${roleCacheKey({ RoleArn: "arn:aws:iam::123456789012:role/dev" })}.json`);
    const later = new Date(Date.now() + 3600_000);
    await writeFile(file, JSON.stringify({ Credentials: { AccessKeyId: "ASIACACHED", SecretAccessKey: "s", SessionToken: "t", Expiration: format(later) } }));
    const before = assumeCalls();
    const c = await defaultChain({ env: env(home), profile: "dev", roleCache: "file" })();
    expect(c.accessKeyId === "ASIACACHED").toBe(used);
    expect(assumeCalls() - before).toBe(used ? 0 : 1);
  });

  it("ignores an entry holding a control character, refetches and overwrites it", async () => {
    const home = await homeWith({ ".aws/config": CONFIG });
    const dir = join(home, ".aws", "cli", "cache");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${roleCacheKey({ RoleArn: "arn:aws:iam::123456789012:role/dev" })}.json`);
    const later = `${new Date(Date.now() + 3600_000).toISOString().slice(0, 19)}UTC`;
    await writeFile(file, JSON.stringify({ Credentials: { AccessKeyId: "ASIACACHED", SecretAccessKey: "s", SessionToken: "t\r\nX-Injected: 1", Expiration: later } }));
    const before = assumeCalls();
    const c = await defaultChain({ env: env(home), profile: "dev", roleCache: "file" })();
    expect(c.accessKeyId).not.toBe("ASIACACHED");
    expect(assumeCalls() - before).toBe(1);
    expect(JSON.parse(await readFile(file, "utf8")).Credentials.AccessKeyId).toBe(c.accessKeyId);
  });

  it("is off by default (memory only, as boto3)", async () => {
    const home = await homeWith({ ".aws/config": CONFIG });
    await defaultChain({ env: env(home), profile: "dev" })();
    await expect(readdir(join(home, ".aws", "cli", "cache"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it.skipIf(!hasBotocore)("shares entries with botocore's JSONFileCache, both ways", async () => {
    const script = `
import os, botocore.session
from botocore.utils import JSONFileCache
s = botocore.session.Session(profile="dev")
# The AWS CLI's cache: botocore's JSONFileCache in ~/.aws/cli/cache.
s.get_component("credential_provider").get_provider("assume-role").cache = JSONFileCache(os.path.expanduser("~/.aws/cli/cache"))
print(s.get_credentials().get_frozen_credentials().access_key)`;
    // credchain writes, botocore reads.
    const home = await homeWith({ ".aws/config": CONFIG });
    const ours = await defaultChain({ env: env(home), profile: "dev", roleCache: "file" })();
    const before = assumeCalls();
    const py = await promisify(execFile)("python3", ["-c", script], { env: env(home), encoding: "utf8" });
    expect(py.stdout.trim()).toBe(ours.accessKeyId);
    expect(assumeCalls()).toBe(before);
    // botocore writes, credchain reads.
    const home2 = await homeWith({ ".aws/config": CONFIG });
    const theirs = (await promisify(execFile)("python3", ["-c", script], { env: env(home2), encoding: "utf8" })).stdout.trim();
    const before2 = assumeCalls();
    const read = await defaultChain({ env: env(home2), profile: "dev", roleCache: "file" })();
    expect(read.accessKeyId).toBe(theirs);
    expect(assumeCalls()).toBe(before2);
    expect(JSON.parse(await readFile(join(home2, ".aws", "cli", "cache", (await readdir(join(home2, ".aws", "cli", "cache")))[0] as string), "utf8")).Credentials.AccessKeyId).toBe(theirs);
  });
});
