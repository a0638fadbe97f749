import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "./pty.js";
import { home } from "./run.js";

// What the README's walk-through does, every piece a process of its own: `credchain-emulator --sso`,
// then `credchain sso login` whose page is "opened" by fetching the URL it prints (as a browser
// would, which approves it), then export and logout against the same emulator.
const EMULATOR_BIN = join(dirname(createRequire(import.meta.url).resolve("@credchain/emulator/package.json")), "bin", "credchain-emulator.js");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
});

function start(bin: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out.stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (out.stderr += d));
  /** Resolves once `pattern` is in the stream, with its match. */
  const waitFor = async (stream: "stdout" | "stderr", pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = out[stream].match(pattern);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${out.stderr}`);
      await Promise.race([once(child[stream]!, "data"), once(child, "exit")]);
    }
  };
  const exit = async () => (child.exitCode ?? (await once(child, "exit"))[0]) as number;
  return { out, waitFor, exit };
}

describe("credchain sso login against credchain-emulator --sso", () => {
  it("signs in when the printed page is opened, then export and logout work", async () => {
    const emulator = start(EMULATOR_BIN, ["--sso"], { PATH: process.env.PATH ?? "" });
    await emulator.waitFor("stdout", /AWS_ENDPOINT_URL_SSO_OIDC=\S+\n/);
    const vars = Object.fromEntries([...emulator.out.stdout.matchAll(/^(\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    const env = await home(
      { ".aws/config": "[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = credchain-emulator-role\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n" },
      { ...vars, PATH: process.env.PATH ?? "" },
    );

    const login = start(BIN, ["sso", "login", "--profile", "dev"], env);
    const [, page] = await login.waitFor("stderr", /open (http:\/\/127\.0\.0\.1:\d+\/device\?user_code=[\w-]+) /);
    const approved = await fetch(page!);
    expect(approved.status).toBe(200);
    expect(await login.exit()).toBe(0);
    expect(login.out.stdout).toBe("Successfully logged into Start URL: https://corp.awsapps.com/start\n");

    const exported = start(BIN, ["export", "--profile", "dev", "--format", "json"], env);
    expect(await exported.exit()).toBe(0);
    expect(JSON.parse(exported.out.stdout)).toMatchObject({ Source: "sso", AccessKeyId: expect.stringMatching(/^ASIA/) });

    const logout = start(BIN, ["sso", "logout"], env);
    expect(await logout.exit()).toBe(0);
    const after = start(BIN, ["export", "--profile", "dev"], env);
    expect(await after.exit()).toBe(1);
    expect(after.out.stderr).toContain("SSOTokenLoad");
    expect(emulator.out.stderr).toMatch(/POST \/logout 200/);
  });
});
