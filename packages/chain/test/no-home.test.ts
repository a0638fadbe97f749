import { execFile, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// A container started with an arbitrary uid (OpenShift, `docker run --user 4242`) often has no
// HOME and no passwd entry: Python's expanduser then leaves `~/.aws/config` as written, a path
// relative to the working directory, and boto3 resolves as usual. The chain must not throw
// there. Run for real: a child process under a uid with no passwd entry, without HOME (needs
// root to switch uid, and util-linux's setpriv).
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const UID = "4242";
const canSwitch = process.getuid?.() === 0 && hasSetpriv() && !passwdHas(UID);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function hasSetpriv(): boolean {
  try {
    execFileSync("setpriv", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function passwdHas(uid: string): boolean {
  try {
    return execFileSync("getent", ["passwd", uid], { encoding: "utf8" }).length > 0;
  } catch {
    return false;
  }
}

/** A working directory the uid can read, with `~/.aws/credentials` in it when `credentials` is given. */
function workDir(credentials?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "credchain-no-home-"));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  if (credentials !== undefined) {
    mkdirSync(join(dir, "~", ".aws"), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir, "~", ".aws", "credentials"), credentials, { mode: 0o644 });
  }
  return dir;
}

/** `defaultChain()()` in a child process as uid 4242 with no HOME, from `cwd`; its source and stderr. */
function resolveAs(cwd: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number }> {
  const script = join(PACKAGE_DIR, "dist", "index.js");
  const code = `const { defaultChain } = await import(${JSON.stringify(script)});
const c = await defaultChain()();
console.log(c.source, c.accessKeyId);`;
  const args = [`--reuid=${UID}`, `--regid=${UID}`, "--clear-groups", process.execPath, "--input-type=module", "-e", code];
  return new Promise((resolve) => {
    execFile("setpriv", args, { cwd, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env }, encoding: "utf8", timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 });
    });
  });
}

describe.skipIf(!canSwitch)("defaultChain with no HOME and no passwd entry (an arbitrary container uid)", () => {
  it("resolves from env instead of throwing from os.homedir()", async () => {
    const r = await resolveAs(workDir(), { AWS_ACCESS_KEY_ID: "AKIDNOHOMEEXAMPLE01", AWS_SECRET_ACCESS_KEY: "noHomeSecretExample" });
    expect(r).toEqual({ stdout: "env AKIDNOHOMEEXAMPLE01\n", stderr: "", code: 0 });
  });

  it("reads ~/.aws/credentials as written, relative to the working directory, as Python's expanduser leaves it", async () => {
    const dir = workDir("[default]\naws_access_key_id = AKIDNOHOMEFILE00001\naws_secret_access_key = noHomeFileSecret\n");
    const r = await resolveAs(dir, { AWS_EC2_METADATA_DISABLED: "true" });
    expect(r).toEqual({ stdout: "shared-credentials-file AKIDNOHOMEFILE00001\n", stderr: "", code: 0 });
  });
});
