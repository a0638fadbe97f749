import { execFile, spawnSync } from "node:child_process";
import { chmod } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLI_BIN, faultHome, findSecrets, PLANTED, runCli, type FaultHome } from "../src/index.js";

// `credchain serve` end to end: the real CLI started with --daemon (as its help says), an STS
// emulator for GetSessionToken, and clients that speak the container protocol.
const LONG_TERM = { AWS_ACCESS_KEY_ID: "AKIAFAULTSLONGTERM01", AWS_SECRET_ACCESS_KEY: PLANTED.secretAccessKey, AWS_DEFAULT_REGION: "eu-west-1" };

let sts: StsEmulator;
let home: FaultHome;
const daemons: number[] = [];

beforeAll(async () => {
  sts = await startSts({ users: [{ accessKeyId: LONG_TERM.AWS_ACCESS_KEY_ID, secretAccessKey: LONG_TERM.AWS_SECRET_ACCESS_KEY, arn: "arn:aws:iam::123456789012:user/faults" }] });
  home = await faultHome();
});
afterAll(async () => {
  await sts.close();
  await home.remove();
});
// Only the servers these cases started, by their pid.
afterEach(() => {
  for (const pid of daemons.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already stopped
    }
  }
});

const env = (extra: Record<string, string> = {}) => home.env({ ...sts.env, ...LONG_TERM, ...extra });

function exportsIn(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1] as string, m[2] as string]));
}

/** `credchain serve --daemon …`: returns once the server is up, with the variables it printed. */
async function serve(args: string[] = [], extra: Record<string, string> = {}) {
  const run = await runCli(["serve", "--daemon", ...args], { env: env(extra), timeoutMs: 20_000 });
  expect(run.timedOut).toBe(false);
  const vars = exportsIn(run.stdout);
  if (vars.CREDCHAIN_SERVE_PID) daemons.push(Number(vars.CREDCHAIN_SERVE_PID));
  const url = new URL(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? "http://127.0.0.1:1/");
  return { run, vars, port: Number(url.port), token: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? "" };
}

/** A GET to the server with exactly these headers (Host included), as a browser or proxy could send it. */
function get(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += String(c)));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("credchain serve: who may ask", () => {
  it("refuses a DNS-rebinding Host even with the right token (421, JSON, nothing served), and serves the loopback names", async () => {
    const { port, token } = await serve();
    for (const host of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost:${port + 1}`, "localhost"]) {
      const r = await get(port, { host, authorization: token });
      expect(r.status, host).toBe(421);
      expect(JSON.parse(r.body), host).toMatchObject({ code: "MisdirectedRequest" });
      expect(r.body).not.toMatch(/ASIA|Secret|Token"/);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await get(port, { host, authorization: token })).status, host).toBe(200);
    }
  });

  it("refuses a missing or wrong token (401, JSON)", async () => {
    const { port, token } = await serve();
    const tries: Record<string, string>[] = [{}, { authorization: "" }, { authorization: token.slice(1) }, { authorization: `${token}0` }];
    for (const headers of tries) {
      const r = await get(port, { host: `127.0.0.1:${port}`, ...headers });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toEqual({ code: "Unauthorized", message: "missing or wrong Authorization token" });
    }
  });
});

describe("credchain serve: what it hands out", () => {
  it("long-term keys become a GetSessionToken session; the long-term secret is never served or printed", async () => {
    const before = sts.calls.length;
    const { run, port, token } = await serve(["--duration-seconds", "900"]);
    expect(run.code).toBe(0);
    expect(sts.calls.slice(before)).toEqual([
      expect.objectContaining({ action: "GetSessionToken", accessKeyId: LONG_TERM.AWS_ACCESS_KEY_ID, params: { DurationSeconds: "900" }, status: 200 }),
    ]);
    const issued = sts.issued.at(-1);
    const r = await get(port, { host: `127.0.0.1:${port}`, authorization: token });
    const doc = JSON.parse(r.body) as Record<string, string>;
    expect(doc).toEqual({
      AccessKeyId: issued?.accessKeyId,
      SecretAccessKey: issued?.secretAccessKey,
      Token: issued?.sessionToken,
      Expiration: issued?.expiration.toISOString().replace(".000Z", "Z"),
    });
    expect(Date.parse(doc.Expiration as string) - Date.now()).toBeLessThanOrEqual(900_000);
    expect(findSecrets(r.body + run.stdout + run.stderr)).toEqual([]);
  });

  it("--long-term-keys serves the keys themselves, without an Expiration, and calls no STS", async () => {
    const before = sts.calls.length;
    const { run, port, token } = await serve(["--long-term-keys"]);
    expect(run.stderr).toContain("serving long-term keys, without Expiration (--long-term-keys)");
    const r = await get(port, { host: `localhost:${port}`, authorization: token });
    expect(JSON.parse(r.body)).toEqual({ AccessKeyId: LONG_TERM.AWS_ACCESS_KEY_ID, SecretAccessKey: LONG_TERM.AWS_SECRET_ACCESS_KEY, Token: "" });
    expect(sts.calls.length).toBe(before);
  });

  it("STS refusing GetSessionToken: exit 1 at once with its code and the way out, no secret, no server left", async () => {
    const { run, vars } = await serve([], { AWS_ACCESS_KEY_ID: "AKIAFAULTSUNKNOWN001" });
    expect(run.code).toBe(1);
    expect(vars).toEqual({});
    expect(run.stderr).toMatch(/credchain: CredentialRetrieval: the credentials are long-term keys, .*GetSessionToken.*InvalidClientTokenId.*--long-term-keys serves the keys themselves/);
    expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
  });
});

describe("credchain serve --help", () => {
  const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;

  it("shows a way to start it from a shell that works: the server starts, clients get a session, the shell returns", async () => {
    const help = await runCli(["serve", "--help"], { env: env() });
    const lines = help.stdout.split("\n").map((l) => l.trim());
    const start = lines.find((l) => l.startsWith("eval ") && l.includes("credchain serve"));
    const stop = lines.find((l) => l.startsWith("kill ") && l.includes("CREDCHAIN_SERVE_PID"));
    expect(start, "an eval line in serve --help").toBeDefined();
    expect(stop, "a kill line in serve --help").toBeDefined();

    // `credchain` on PATH as users have it, in front of the host's python3 and aws.
    const bin = join(home.dir, "bin");
    await home.write({ "bin/credchain": `#!/bin/sh\nexec "${process.execPath}" "${CLI_BIN}" "$@"\n` });
    await chmod(join(bin, "credchain"), 0o755);
    // Clients see only the container variables: the long-term keys stay with the server.
    const clients = [
      `env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY "${process.execPath}" -e 'fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } }).then((r) => r.json()).then((b) => console.log("node", b.AccessKeyId))'`,
      ...(hasAws ? ["env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY aws sts get-caller-identity --query Arn --output text"] : []),
    ];
    const script = ["set -e", start, `echo "pid $CREDCHAIN_SERVE_PID"`, ...clients, stop, 'echo "shell done"'].join("\n");
    const started = Date.now();
    const shell = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile("bash", ["-c", script], { env: env({ PATH: `${bin}:${process.env.PATH ?? "/usr/bin:/bin"}` }), timeout: 30_000, killSignal: "SIGKILL" }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
    const pid = Number(/^pid (\d+)$/m.exec(shell.stdout)?.[1]);
    if (pid) daemons.push(pid);

    expect(shell.code, shell.stdout + shell.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    const session = sts.issued.filter((c) => c.action === "GetSessionToken").at(-1);
    expect(shell.stdout).toContain(`node ${session?.accessKeyId}`);
    if (hasAws) {
      expect(shell.stdout).toContain("arn:aws:iam::123456789012:user/faults");
      expect(sts.calls.at(-1)).toMatchObject({ action: "GetCallerIdentity", accessKeyId: session?.accessKeyId });
    }
    expect(shell.stdout.trim().endsWith("shell done")).toBe(true);
    expect(await gone(pid)).toBe(true);
    expect(findSecrets(shell.stdout + shell.stderr)).toEqual([]);
  });
});
