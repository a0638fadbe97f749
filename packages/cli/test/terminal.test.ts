import { readFile, writeFile, chmod } from "node:fs/promises";
import { join } from "node:path";
import { startSso, startSsoOidc, startSts, type DeviceAuthorization, type EmulatorHandle } from "@credchain/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { ptyRun } from "./pty.js";
import { home } from "./run.js";

// What a person at a terminal sees, against what a pipe gets: each case runs the real CLI with
// some of its streams on a pseudo-terminal (Python's pty module), nothing faked in the process.

const ESC = "\x1b[";
const FILES = { ".aws/credentials": "[default]\naws_access_key_id = AKIDEXAMPLE1234\naws_secret_access_key = secretEXAMPLEabcd\n" };
const servers: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("explain in a terminal", () => {
  it("prints a compact table, coloured, to a terminal; the full plain text to a pipe", async () => {
    const env = await home(FILES);
    const tty = await ptyRun(["explain"], { env, tty: ["stdout"], columns: 80 });
    expect(tty.code).toBe(0);
    expect(tty.tty).toContain(`${ESC}1m #  provider`);
    expect(tty.tty).toContain(`${ESC}32mused   ${ESC}39m`);
    expect(tty.tty).toMatch(/resolved.*shared-credentials-file — access key \*+1234, no expiry/);
    // Every line fits the terminal's 80 columns once the colour codes are taken out.
    const plain = tty.tty.replace(/\x1b\[\d+m/g, "");
    for (const line of plain.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(plain).toMatch(/^ 1 {2}env {2,}skipped {2}AWS_ACCESS_KEY_ID is not set$/m);

    const piped = await ptyRun(["explain"], { env, tty: ["stderr"] });
    expect(piped.stdout).not.toContain(ESC);
    expect(piped.stdout).toMatch(/^ 1\. env +skipped +AWS_ACCESS_KEY_ID is not set$/m);
    expect(piped.stdout).toContain("resolved: shared-credentials-file — access key");
  });

  it("honours NO_COLOR (and TERM=dumb): the table without colour", async () => {
    for (const extra of [{ NO_COLOR: "1" }, { TERM: "dumb" }] as Array<Record<string, string>>) {
      const r = await ptyRun(["explain"], { env: await home(FILES, extra), tty: ["stdout"] });
      expect(r.tty).toContain(" #  provider");
      expect(r.tty, JSON.stringify(extra)).not.toContain(ESC);
    }
  });

  it("prints the same JSON with --format json to a terminal and to a pipe", async () => {
    const env = await home(FILES);
    const tty = await ptyRun(["explain", "--format", "json"], { env, tty: ["stdout"] });
    const piped = await ptyRun(["explain", "--format", "json"], { env, tty: [] });
    expect(tty.tty).not.toContain(ESC);
    expect(JSON.parse(tty.tty)).toEqual(JSON.parse(piped.stdout));
  });
});

describe("progress on stderr", () => {
  /** The user approves once the CLI has polled once (so it has shown the code) and `afterMs` more have passed. */
  async function ssoWorld(afterMs: number) {
    const sso = await startSso();
    const approve = (a: DeviceAuthorization) => {
      const timer = setInterval(() => {
        if (a.polls < 1) return;
        clearInterval(timer);
        setTimeout(() => oidc.approve(a.userCode), afterMs);
      }, 20);
    };
    const oidc = await startSsoOidc({ portal: sso, onDeviceAuthorization: approve });
    servers.push(sso, oidc);
    const config = "[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = credchain-emulator-role\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n";
    const env = await home({ ".aws/config": config }, { ...sso.env, ...oidc.env });
    // A browser that records the URL it was asked to open.
    const opened = join(env.HOME as string, "opened");
    await writeFile(join(env.HOME as string, "browser"), `#!/bin/sh\nprintf '%s\\n' "$1" >> ${JSON.stringify(opened)}\n`);
    await chmod(join(env.HOME as string, "browser"), 0o755);
    return { oidc, env: { ...env, BROWSER: join(env.HOME as string, "browser") }, opened: () => readFile(opened, "utf8").catch(() => "") };
  }

  it("sso login in a terminal: the URL and code, a browser opened, a line that counts down while it waits", async () => {
    const { oidc, env, opened } = await ssoWorld(1500);
    const r = await ptyRun(["sso", "login", "--profile", "dev"], { env, tty: ["stderr"] });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Successfully logged into Start URL: https://corp.awsapps.com/start\n");
    expect(r.tty).toContain(`A browser was opened at the sign-in page. If it did not open, or to sign in on another device, open:\n\n  ${oidc.url}/device\n\nand enter the code:\n\n  EMUL-0001\n`);
    expect(r.tty).toMatch(/\r\x1b\[2KWaiting for the sign-in to be approved… \(the code expires in \d+:\d\d\)/);
    // The status line is cleared before the command ends.
    expect(r.tty.endsWith("\r\x1b[2K")).toBe(true);
    expect(await opened()).toBe(`${oidc.url}/device?user_code=EMUL-0001\n`);
  });

  it("sso login --no-browser, or under CI, opens nothing; piped, stderr gets one line and no progress", async () => {
    for (const [args, extra] of [[["--no-browser"], {}], [[], { CI: "true" }]] as const) {
      const { env, opened } = await ssoWorld(0);
      const r = await ptyRun(["sso", "login", "--profile", "dev", ...args], { env: { ...env, ...extra }, tty: ["stderr"] });
      expect(r.code).toBe(0);
      expect(r.tty).toContain("To sign in, open this page in a browser, on this or another device:");
      expect(await opened()).toBe("");
    }
    const { oidc, env, opened } = await ssoWorld(0);
    const piped = await ptyRun(["sso", "login", "--profile", "dev"], { env, tty: [] });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe(`credchain: to sign in, open ${oidc.url}/device?user_code=EMUL-0001 (or ${oidc.url}/device and enter the code EMUL-0001)\n`);
    expect(await opened()).toBe("");
  });

  it("asks for an MFA code on the terminal, and reads it from a pipe without a prompt", async () => {
    const sts = await startSts();
    servers.push(sts);
    const user = sts.users[0]!;
    const env = await home({}, { ...sts.env, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey, AWS_DEFAULT_REGION: "us-east-1" });
    const args = ["session-token", "--serial-number", "arn:aws:iam::123456789012:mfa/me", "--format", "json"];
    const tty = await ptyRun(args, { env, tty: ["stdin", "stderr"], answers: [{ after: "Enter MFA code for arn:aws:iam::123456789012:mfa/me: ", send: "123456\r" }] });
    expect(tty.code).toBe(0);
    expect(JSON.parse(tty.stdout)).toMatchObject({ Source: "explicit" });
    const piped = await ptyRun(args, { env, tty: [], input: "123456\n" });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
  });

  it("shows an STS retry in a terminal, and nothing of it in a pipe", async () => {
    const sts = await startSts();
    servers.push(sts);
    const user = sts.users[0]!;
    const env = await home({}, { ...sts.env, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey, AWS_DEFAULT_REGION: "us-east-1" });
    sts.fault("GetCallerIdentity", 503, { times: 1 });
    const tty = await ptyRun(["whoami"], { env, tty: ["stderr"] });
    expect(tty.code).toBe(0);
    expect(tty.tty).toMatch(/^\[credchain\] sts: GetCallerIdentity attempt 1\/\d+ failed \(.*503.*\); retrying in \d+ ms\n$/);
    sts.fault("GetCallerIdentity", 503, { times: 1 });
    const piped = await ptyRun(["whoami"], { env, tty: [] });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
  });
});
