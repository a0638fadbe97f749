import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FILE_MAX_BYTES, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { startContainer, startSso, startSts, type ContainerEmulator, type SsoEmulator, type StsEmulator } from "@credchain/emulator";
import { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath, makeBadPaths, type BadPathKind, type BadPaths } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultHome, findSecrets, PLANTED, runCli, type CliRun, type FaultHome } from "../src/index.js";

// Issue #13, section 1: every file credchain reads is a regular file read up to a cap. Each case
// runs the real CLI (`export` and `explain`, JSON) with one setting pointed at one bad kind of
// path, and checks it ends well inside its timeout, exits 1 and says why; for the config,
// credentials and boto files botocore runs on the same environment and must agree on found / not
// found. Before the fix a FIFO hung the CLI and /dev/zero ran it out of memory.

const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { stdio: "ignore" }).status === 0;
const ABSENT = ["fifo", "devZero", "directory", "danglingSymlink"] as const satisfies readonly BadPathKind[];
const ROLE = "arn:aws:iam::123456789012:role/web";
// Not a planted secret: `export` prints it, as it should.
const KEYS = "aws_access_key_id = AKIDFILESCASE0000001\naws_secret_access_key = files-case-secret\n";
/** Well inside runCli's 10 s timeout: a run that blocks on a FIFO or reads /dev/zero never gets here. */
const QUICK_MS = 5000;

const BOTOCORE = `
import json, boto3
try:
    c = boto3.Session().get_credentials()
    print(json.dumps({"found": c.access_key if c else None}))
except Exception as e:
    print(json.dumps({"raised": type(e).__name__}))
`;

/** What botocore's get_credentials() does in `env`: the access key found, None, or the exception's class. */
function botocore(env: Record<string, string>): Promise<{ found?: string | null; raised?: string }> {
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", BOTOCORE], { env: { PATH: process.env.PATH ?? "", LC_ALL: "C.UTF-8", ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`botocore: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as { found?: string | null; raised?: string });
    });
  });
}

interface Outcome {
  export: CliRun;
  explain: CliRun;
  /** `export --format json`'s parsed stdout. */
  exported: { AccessKeyId?: string; Source?: string; Error?: { Code: string; Message: string } };
  /** `explain --format json`'s provider entries by source. */
  providers: Map<string, { Outcome: string; Reason: string; Code?: string }>;
}

/** Runs `export --format json` and `explain --format json` side by side in `env`, each checked to end quickly and quote no secret. */
async function resolveBoth(env: Record<string, string>): Promise<Outcome> {
  const [exp, expl] = await Promise.all([runCli(["export", "--format", "json"], { env }), runCli(["explain", "--format", "json"], { env })]);
  for (const run of [exp, expl]) {
    expect(run.timedOut, run.stderr).toBe(false);
    expect(run.ms).toBeLessThan(QUICK_MS);
    expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
  }
  const explained = JSON.parse(expl.stdout) as { Providers: Array<{ Source: string; Outcome: string; Reason: string; Code?: string }> };
  return {
    export: exp,
    explain: expl,
    exported: JSON.parse(exp.stdout) as Outcome["exported"],
    providers: new Map(explained.Providers.map((p) => [p.Source, p])),
  };
}

let home: FaultHome;
/** One of each bad kind at the config cap, and at the token cap. */
let bad: BadPaths;
let badToken: BadPaths;
let sts: StsEmulator;
let container: ContainerEmulator;
let sso: SsoEmulator;
beforeAll(async () => {
  home = await faultHome();
  await mkdir(join(home.dir, "config-cap"));
  await mkdir(join(home.dir, "token-cap"));
  bad = await makeBadPaths(join(home.dir, "config-cap"), CONFIG_FILE_MAX_BYTES);
  badToken = await makeBadPaths(join(home.dir, "token-cap"), TOKEN_FILE_MAX_BYTES);
  [sts, container, sso] = await Promise.all([startSts(), startContainer({ authorizationToken: PLANTED.bearer }), startSso()]);
});
afterAll(async () => {
  await Promise.all([home?.remove(), sts?.close(), container?.close(), sso?.close()]);
});

describe("the issue's repro", () => {
  it("AWS_SHARED_CREDENTIALS_FILE=/dev/zero credchain export: exits 1 at once, saying /dev/zero is not a regular file", async () => {
    const r = await runCli(["export"], { env: home.env({ AWS_SHARED_CREDENTIALS_FILE: "/dev/zero" }) });
    expect(r).toMatchObject({ timedOut: false, code: 1, stdout: "" });
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.stderr).toContain("credchain: NoCredentials: Unable to locate credentials.");
    expect(r.stderr).toContain("shared-credentials-file: the credentials file /dev/zero is not a regular file (a device)");
  });

  it("a FIFO as AWS_CONFIG_FILE: exits 1 at once, saying it is a FIFO", async () => {
    const r = await runCli(["export"], { env: home.env({ AWS_CONFIG_FILE: bad.fifo }) });
    expect(r).toMatchObject({ timedOut: false, code: 1 });
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.stderr).toContain(`config-file: the config file ${bad.fifo} is not a regular file (a FIFO)`);
  });
});

/** The config, credentials and boto files: not a regular file is absent, as os.path.isfile in botocore. */
const CONFIG_FILES = [
  { variable: "AWS_SHARED_CREDENTIALS_FILE", source: "shared-credentials-file", says: (p: string, why: string) => `the credentials file ${p} ${why}` },
  { variable: "AWS_CONFIG_FILE", source: "config-file", says: (p: string, why: string) => `the config file ${p} ${why}` },
  { variable: "BOTO_CONFIG", source: "boto-config", says: (p: string, why: string) => `BOTO_CONFIG is set, so only it is read, and no boto config file has aws_access_key_id in [Credentials]: ${p} ${why}` },
] as const;

describe.each(CONFIG_FILES)("$variable", ({ variable, source, says }) => {
  it.each(ABSENT)("a %s counts as absent: NoCredentials, explain says why, botocore agrees", async (which) => {
    const env = home.env({ [variable]: bad[which] });
    const ours = await resolveBoth(env);
    const theirs = hasBoto3 ? await botocore(env) : undefined;
    expect(ours.export.code).toBe(1);
    expect(ours.explain.code).toBe(1);
    expect(ours.exported.Error?.Code).toBe("NoCredentials");
    expect(ours.exported.Error?.Message).toContain(`${source}: ${says(bad[which], BAD_PATH_REASONS[which])}`);
    expect(ours.providers.get(source)).toMatchObject({ Outcome: "skipped", Reason: expect.stringContaining(says(bad[which], BAD_PATH_REASONS[which])) });
    if (theirs) expect(theirs).toEqual({ found: null });
  });

  it("over 16 MiB: ConfigParse naming the file and the cap, without reading it; botocore fails to parse it too", async () => {
    const env = home.env({ [variable]: bad.overCap });
    const ours = await resolveBoth(env);
    const theirs = hasBoto3 ? await botocore(env) : undefined;
    expect(ours.export.code).toBe(1);
    expect(ours.explain.code).toBe(1);
    expect(ours.exported.Error).toEqual({
      Code: "ConfigParse",
      Message: `Unable to parse config file ${bad.overCap}: the file is over credchain's 16 MiB cap for this file (not read)`,
    });
    // The sparse file is NUL bytes: botocore reads all of it and cannot parse it.
    if (theirs) expect(theirs).toEqual({ raised: "ConfigParseError" });
  });
});

describe("the chain moves on past a file that is not a regular file, as botocore does", () => {
  const CASES = [
    { variable: "AWS_SHARED_CREDENTIALS_FILE", file: ".aws/config", section: "[default]", source: "config-file" },
    { variable: "AWS_CONFIG_FILE", file: ".aws/credentials", section: "[default]", source: "shared-credentials-file" },
  ] as const;
  it.each(CASES.flatMap((c) => ABSENT.map((which) => [c.variable, which, c] as const)))("%s is a %s", async (_, which, c) => {
    const sub = `moves-on-${c.variable}-${which}`;
    await home.write({ [`${sub}/${c.file}`]: `${c.section}\n${KEYS}` });
    const env = { ...home.env({ [c.variable]: bad[which] }), HOME: join(home.dir, sub) };
    const ours = await resolveBoth(env);
    const theirs = hasBoto3 ? await botocore(env) : undefined;
    expect(ours.export.code).toBe(0);
    expect(ours.exported).toMatchObject({ AccessKeyId: "AKIDFILESCASE0000001", Source: c.source });
    if (theirs) expect(theirs).toEqual({ found: "AKIDFILESCASE0000001" });
  });
});

describe("AWS_CREDENTIAL_FILE (botocore raises ConfigNotFound, and hangs on a FIFO or device)", () => {
  it.each(ABSENT)("a %s: ConfigNotFound at once, saying what is there", async (which) => {
    const env = home.env({ AWS_CREDENTIAL_FILE: bad[which] });
    const blocks = which === "fifo" || which === "devZero";
    const ours = await resolveBoth(env);
    const theirs = hasBoto3 && !blocks ? await botocore(env) : undefined;
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error).toEqual({
      Code: "ConfigNotFound",
      Message: `The specified config file (${bad[which]}) could not be found: AWS_CREDENTIAL_FILE names it but it ${BAD_PATH_REASONS[which]}`,
    });
    expect(ours.providers.get("ec2-credentials-file")).toMatchObject({ Outcome: "failed", Code: "ConfigNotFound" });
    if (theirs) expect(theirs).toEqual({ raised: "ConfigNotFound" });
  });

  it("over 16 MiB: ConfigParse naming the file and the cap", async () => {
    const ours = await resolveBoth(home.env({ AWS_CREDENTIAL_FILE: bad.overCap }));
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error).toEqual({
      Code: "ConfigParse",
      Message: `Unable to parse config file ${bad.overCap} (AWS_CREDENTIAL_FILE): the file is over credchain's 16 MiB cap for this file (not read)`,
    });
  });
});

/** Token files: botocore raises the open's OSError (or hangs); credchain fails with CredentialRetrieval naming the setting and the path. */
describe("token files: CredentialRetrieval naming the setting and the path, nothing sent", () => {
  it.each(BAD_PATH_KINDS)("AWS_WEB_IDENTITY_TOKEN_FILE (with AWS_ROLE_ARN) is a %s", async (which) => {
    const before = sts.requests.length;
    const ours = await resolveBoth(home.env({ ...sts.env, AWS_WEB_IDENTITY_TOKEN_FILE: badToken[which], AWS_ROLE_ARN: ROLE }));
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error?.Code).toBe("CredentialRetrieval");
    expect(ours.exported.Error?.Message).toContain(`Could not read the web identity token file ${badToken[which]} (AWS_WEB_IDENTITY_TOKEN_FILE): it ${BAD_PATH_REASONS[which]}`);
    expect(ours.providers.get("assume-role-with-web-identity")).toMatchObject({ Outcome: "failed", Code: "CredentialRetrieval" });
    expect(sts.requests.length).toBe(before);
  });

  it.each(BAD_PATH_KINDS)("a profile's web_identity_token_file is a %s", async (which) => {
    const sub = `web-profile-${which}`;
    await home.write({ [`${sub}/.aws/config`]: `[profile web]\nrole_arn = ${ROLE}\nweb_identity_token_file = ${badToken[which]}\n` });
    const before = sts.requests.length;
    const ours = await resolveBoth({ ...home.env({ ...sts.env, AWS_PROFILE: "web" }), HOME: join(home.dir, sub) });
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error?.Code).toBe("CredentialRetrieval");
    expect(ours.exported.Error?.Message).toContain(`Could not read the web identity token file ${badToken[which]} (web_identity_token_file): it ${BAD_PATH_REASONS[which]}`);
    expect(sts.requests.length).toBe(before);
  });

  it.each(BAD_PATH_KINDS)("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (with a container URI) is a %s", async (which) => {
    const before = container.requests.length;
    const ours = await resolveBoth(home.env({ AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: badToken[which] }));
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error?.Code).toBe("CredentialRetrieval");
    expect(ours.exported.Error?.Message).toContain(`cannot read the token file ${badToken[which]} (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): it ${BAD_PATH_REASONS[which]}`);
    expect(ours.providers.get("container-role")).toMatchObject({ Outcome: "failed", Code: "CredentialRetrieval" });
    expect(container.requests.length).toBe(before);
  });
});

describe("caches: the cache file replaced by a bad kind of path", () => {
  const SSO_CONFIG = `[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
`;
  const sha = (algorithm: string, text: string) => createHash(algorithm).update(text).digest("hex");

  it.each(BAD_PATH_KINDS)("the SSO token cache is a %s: SSOTokenLoad at once, saying what is there", async (which) => {
    const dir = join(home.dir, `sso-${which}`);
    await home.write({ [`sso-${which}/.aws/config`]: SSO_CONFIG });
    await mkdir(join(dir, ".aws/sso/cache"), { recursive: true });
    const file = await makeBadPath(which, join(dir, ".aws/sso/cache", `${sha("sha1", "corp")}.json`), TOKEN_FILE_MAX_BYTES);
    const before = sso.requests.length;
    const ours = await resolveBoth({ ...home.env({ ...sso.env, AWS_PROFILE: "dev" }), HOME: dir });
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error?.Code).toBe("SSOTokenLoad");
    expect(ours.exported.Error?.Message).toContain(
      which === "danglingSymlink" ? `Token for corp does not exist (no file ${file})` : `the token cache file ${file} ${BAD_PATH_REASONS[which]}`,
    );
    expect(ours.providers.get("sso")).toMatchObject({ Outcome: "failed", Code: "SSOTokenLoad" });
    expect(sso.requests.length).toBe(before);
  });

  it.each(BAD_PATH_KINDS)("the login cache is a %s: CredentialRetrieval at once, saying what is there", async (which) => {
    const session = "arn:aws:iam::111122223333:user/alice";
    const dir = join(home.dir, `login-${which}`);
    await home.write({ [`login-${which}/.aws/config`]: `[profile dev]\nlogin_session = ${session}\nregion = eu-west-1\n` });
    await mkdir(join(dir, ".aws/login/cache"), { recursive: true });
    const file = await makeBadPath(which, join(dir, ".aws/login/cache", `${sha("sha256", session)}.json`), TOKEN_FILE_MAX_BYTES);
    const ours = await resolveBoth({ ...home.env({ AWS_PROFILE: "dev", AWS_ENDPOINT_URL_SIGNIN: "http://127.0.0.1:9" }), HOME: dir });
    expect(ours.export.code).toBe(1);
    expect(ours.exported.Error?.Code).toBe("CredentialRetrieval");
    expect(ours.exported.Error?.Message).toContain(which === "danglingSymlink" ? `(no file ${file})` : `the login cache file ${file} ${BAD_PATH_REASONS[which]}`);
  });
});

describe("every file read during resolution goes through the context's bounded reader", () => {
  const PACKAGES = fileURLToPath(new URL("../../../packages/", import.meta.url));
  // Direct reads of files; the context's readFile (core's readRegularFile) is the one way in.
  const DIRECT_READ = [
    /\breadFileSync\b/,
    /\bcreateReadStream\b/,
    /\breadSync\b/,
    /nodeFsPromises\(\)\.(readFile|open)\b/,
    /\bfs\.readFile\b/,
    /import\s*\{[^}]*\breadFile\b[^}]*\}\s*from\s*"node:fs(\/promises)?"/,
    /\{[^}]*\breadFile\b[^}]*\}\s*=\s*(nodeFsPromises\(\)|process\.getBuiltinModule\("node:fs)/,
  ];
  // The reader itself, and the read-before-write of `configure set` (the writers' section of the issue).
  const ALLOWED = new Set(["core/src/read-regular-file.ts", "provider-ini/src/write-profile.ts"]);

  it("no source file outside the reader reads a file directly", async () => {
    const offenders: string[] = [];
    for (const pkg of await readdir(PACKAGES)) {
      const src = join(PACKAGES, pkg, "src");
      const files = await readdir(src, { recursive: true }).catch(() => [] as string[]);
      for (const name of files) {
        if (!name.endsWith(".ts") || name.endsWith(".test.ts") || /(^|\/)test-[^/]*\.ts$/.test(name)) continue;
        const path = `${pkg}/src/${name}`;
        if (ALLOWED.has(path)) continue;
        const text = await readFile(join(src, name), "utf8");
        text.split("\n").forEach((line, i) => {
          if (DIRECT_READ.some((re) => re.test(line))) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders, "read files with the context's readFile and a cap (CONFIG_FILE_MAX_BYTES or TOKEN_FILE_MAX_BYTES)").toEqual([]);
  });
});
