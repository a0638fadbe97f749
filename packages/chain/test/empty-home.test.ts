import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// HOME set to "" (a service manager or `env HOME=` does it): Python's expanduser then reads "~" as
// the root, never the passwd entry's home, so botocore looks for /.aws/config, /.aws/credentials,
// /.boto and the caches under /.aws. credchain must look where botocore looks. Run for real: a
// child process with HOME="" in its environment, the paths compared with Python's own.
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const hasPython = spawnSync("python3", ["-c", "import os"], { stdio: "ignore" }).status === 0;
const dir = mkdtempSync(join(tmpdir(), "credchain-empty-home-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = promisify(execFile);
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "", AWS_EC2_METADATA_DISABLED: "true" };

/** What the chain looked at in a child process with HOME="": the files of each attempt, and the cache file each profile's error names. */
async function credchainPaths(configFile: string): Promise<{ files: string[]; caches: Record<string, string> }> {
  const script = `const { defaultChain } = await import(${JSON.stringify(join(PACKAGE_DIR, "dist", "index.js"))});
const { attempts } = await defaultChain({ env: { ...process.env, AWS_CONFIG_FILE: undefined } }).explain();
const files = [...new Set(attempts.flatMap((a) => a.lookedAt?.files ?? []))];
const caches = {};
for (const profile of ["sso", "login"]) await defaultChain({ profile })().catch((e) => (caches[profile] = e.file));
console.log(JSON.stringify({ files, caches }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { env: { ...env, AWS_CONFIG_FILE: configFile }, timeout: 30_000 });
  return JSON.parse(stdout);
}

describe.skipIf(!hasPython)('HOME="" (the root, as Python\'s expanduser reads it)', () => {
  it("looks for the config, credentials and boto files and the SSO and login caches where botocore does", async () => {
    const config = join(dir, "config");
    writeFileSync(
      config,
      "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = r\n" +
        "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n" +
        "[profile login]\nlogin_session = arn:aws:iam::111122223333:user/alice\nregion = eu-west-1\n",
    );
    const python = `import hashlib, json, os
from os.path import expanduser, join
print(json.dumps({
  "files": [expanduser(p) for p in ["~/.aws/config", "~/.aws/credentials", "~/.boto"]],
  "sso": join(expanduser(join("~", ".aws", "sso", "cache")), hashlib.sha1(b"corp").hexdigest() + ".json"),
  "login": join(expanduser(join("~", ".aws", "login", "cache")), hashlib.sha256(b"arn:aws:iam::111122223333:user/alice").hexdigest() + ".json"),
}))`;
    const theirs = JSON.parse((await run("python3", ["-c", python], { env })).stdout) as { files: string[]; sso: string; login: string };
    expect(theirs.files).toEqual(["/.aws/config", "/.aws/credentials", "/.boto"]);

    const ours = await credchainPaths(config);
    // The default config file is looked at in explain's first call (AWS_CONFIG_FILE removed there).
    for (const file of theirs.files) expect(ours.files).toContain(file);
    expect(ours.files.filter((f) => f.startsWith("/root") || !f.startsWith("/"))).toEqual([]);
    expect(ours.caches).toEqual({ sso: theirs.sso, login: theirs.login });
  });
});
