import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { fromContainerMetadata } from "@credchain/provider-container";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { home, run } from "./run.js";

const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));
// startSts's default user: long-term keys, as in ~/.aws/credentials.
const USER = { AWS_ACCESS_KEY_ID: "AKIAEMULATORUSER0001", AWS_SECRET_ACCESS_KEY: "emulatorUserSecretAccessKey/0001/xxxxxxxx", AWS_DEFAULT_REGION: "eu-west-1" };
let sts: StsEmulator;
const children: ChildProcess[] = [];
const pids: number[] = [];
beforeAll(async () => {
  sts = await startSts();
});
afterAll(() => sts.close());
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
const envWith = (extra: Record<string, string> = {}) => home({}, { PATH: process.env.PATH ?? "", ...sts.env, ...USER, ...extra });

/** The `export NAME=value` lines in `text`. */
function exportsIn(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of text.matchAll(/^export (\w+)=(\S+)$/gm)) vars[m[1] as string] = m[2] as string;
  return vars;
}

/** Starts `credchain serve …` in the foreground and reads the two variables it prints. */
async function serve(env: Record<string, string>, args: string[] = []): Promise<{ child: ChildProcess; vars: Record<string, string> }> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  for await (const chunk of child.stdout as NodeJS.ReadableStream) {
    out += String(chunk);
    if (exportsIn(out).AWS_CONTAINER_AUTHORIZATION_TOKEN) break;
  }
  return { child, vars: exportsIn(out) };
}

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const BOTOCORE = `from botocore.credentials import ContainerProvider
try:
    c = ContainerProvider().load().get_frozen_credentials(); print(c.access_key, bool(c.token))
except Exception as e: print(type(e).__name__, e)`;
const botocore = (vars: Record<string, string>) =>
  spawnSync("python3", ["-c", BOTOCORE], { env: { PATH: process.env.PATH ?? "", ...vars }, encoding: "utf8" }).stdout.trim();

describe("credchain serve", () => {
  it("serves long-term keys as a GetSessionToken session to a container-protocol client with the token, and refuses others", async () => {
    const before = sts.calls.length;
    const { child, vars } = await serve(await envWith());
    expect(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(vars.AWS_CONTAINER_AUTHORIZATION_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    const issued = sts.issued.at(-1);
    expect(sts.calls.slice(before)).toEqual([expect.objectContaining({ action: "GetSessionToken", accessKeyId: USER.AWS_ACCESS_KEY_ID, params: { DurationSeconds: "3600" } })]);
    const c = await fromContainerMetadata({ env: vars })();
    expect(c).toMatchObject({ accessKeyId: issued?.accessKeyId, sessionToken: issued?.sessionToken, expiration: issued?.expiration, source: "container-role" });
    const denied = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI as string, { headers: { authorization: "wrong" } });
    expect(denied.status).toBe(401);
    expect(await denied.text()).not.toContain(issued?.secretAccessKey);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it.skipIf(!hasBotocore)("is accepted by botocore's container provider", async () => {
    const { vars } = await serve(await envWith(), ["--duration-seconds", "900"]);
    expect(botocore(vars)).toBe(`${sts.issued.at(-1)?.accessKeyId} True`);
  });

  it("--long-term-keys serves the keys themselves, without Expiration, and calls no STS", async () => {
    const before = sts.calls.length;
    const { vars } = await serve(await envWith(), ["--long-term-keys"]);
    const res = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI as string, { headers: { authorization: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN as string } });
    expect(await res.json()).toEqual({ AccessKeyId: USER.AWS_ACCESS_KEY_ID, SecretAccessKey: USER.AWS_SECRET_ACCESS_KEY, Token: "" });
    expect(sts.calls.length).toBe(before);
    // As the help says: clients that need Expiration refuse it (credchain's container provider follows botocore).
    await expect(fromContainerMetadata({ env: vars })()).rejects.toMatchObject({ code: "CredentialRetrieval" });
    if (hasBotocore) expect(botocore(vars)).toBe("KeyError 'Expiration'");
  });

  it("--daemon returns once the server is up, with CREDCHAIN_SERVE_PID", async () => {
    const r = await run(["serve", "--daemon", "--long-term-keys"], await envWith());
    expect(r.code).toBe(0);
    const vars = exportsIn(r.stdout);
    pids.push(Number(vars.CREDCHAIN_SERVE_PID));
    expect(Object.keys(vars)).toEqual(["AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "CREDCHAIN_SERVE_PID"]);
    expect(r.stderr).toContain(`runs in the background as process ${vars.CREDCHAIN_SERVE_PID}`);
    const res = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI as string, { headers: { authorization: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN as string } });
    expect(res.status).toBe(200);
    process.kill(Number(vars.CREDCHAIN_SERVE_PID), "SIGTERM");
  });

  it("--daemon passes on a failure to start: the message and exit 1, nothing left running", async () => {
    const r = await run(["serve", "--daemon"], await home({}));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("credchain: NoCredentials:");
  });

  it("fails at once when the chain has no credentials", async () => {
    const r = await run(["serve"], await home({}));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("NoCredentials");
  });

  it("fails at once when STS refuses GetSessionToken, saying so and what to do, without the secret", async () => {
    const r = await run(["serve"], await envWith({ AWS_SECRET_ACCESS_KEY: "not-the-right-secret-0123" }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^credchain: CredentialRetrieval: the credentials are long-term keys, .*GetSessionToken.*SignatureDoesNotMatch.*--long-term-keys/);
    expect(r.stderr).not.toContain("not-the-right-secret-0123");
  });

  it("rejects a bad --port", async () => {
    expect((await run(["serve", "--port", "99999"], await home({}))).code).toBe(2);
  });
});
