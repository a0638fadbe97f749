import { spawn, execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLI_BIN, faultHome, findSecrets, PLANTED, runCli, type FaultHome } from "../src/index.js";

// Hostile input to the CLI's newer commands, end to end: an SSO-OIDC server (the device flow of
// `credchain sso login`) that answers junk, lies about times, smuggles terminal escapes or never
// answers; completion asked about a config file that is a FIFO or huge; argv that carries escape
// sequences. Each case must end, quickly, with a clear message and no secret, escape or stack.

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let url: string;
const sockets = new Set<Socket>();
let home: FaultHome;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += String(c)));
    req.on("end", () => handler(req, res, body));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  home = await faultHome();
  await home.write({
    ".aws/config": "[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = r\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n",
  });
});
afterEach(async () => {
  for (const s of sockets) s.destroy();
  // Each case registers afresh (a cached client registration would skip RegisterClient).
  await rm(join(home.dir, ".aws", "sso"), { recursive: true, force: true });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await home.remove();
});

const env = (extra: Record<string, string> = {}) => home.env({ AWS_ENDPOINT_URL_SSO_OIDC: url, AWS_MAX_ATTEMPTS: "1", ...extra });
const json = (res: ServerResponse, status: number, doc: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(doc));
};
/** A server that registers and starts an authorization properly, then does `token` at CreateToken. */
const deviceFlow =
  (authorization: Record<string, unknown>, token: Handler = (_q, res) => json(res, 400, { error: "authorization_pending" })): Handler =>
  (req, res, body) => {
    if (req.url === "/client/register") return json(res, 200, { clientId: "c", clientSecret: "s", clientSecretExpiresAt: 4102444800 });
    if (req.url === "/device_authorization") return json(res, 200, { deviceCode: "d", userCode: "ABCD-EFGH", verificationUri: `${url}/device`, expiresIn: 600, interval: 1, ...authorization });
    return token(req, res, body);
  };

async function login(extra: Record<string, string> = {}, timeoutMs = 15_000) {
  const run = await runCli(["sso", "login", "--profile", "dev", "--no-browser"], { env: env(extra), timeoutMs });
  expect(run.timedOut, "the sign-in must end").toBe(false);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain("\x1b");
  expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
  return run;
}

describe("credchain sso login against a hostile SSO-OIDC server", () => {
  it("a page of HTML (with a secret in it) where JSON belongs: TokenRetrieval naming the step, the page not quoted", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html><body>Sign in. ${PLANTED.secretAccessKey} ${PLANTED.bearer}</body></html>`);
    };
    const run = await login();
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`credchain: TokenRetrieval: SSO-OIDC RegisterClient at ${url}/client/register failed: the 200 response is not a JSON object\n`);
  });

  it("an error whose description carries secrets and escape sequences: quoted, redacted, escaped", async () => {
    handler = deviceFlow({}, (_q, res) => json(res, 400, { error: "server_error\x1b[2J", error_description: `bad ${PLANTED.sessionToken} \x1b]0;pwned\x07 ${PLANTED.jwt}` }));
    const run = await login();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^credchain: TokenRetrieval: SSO-OIDC CreateToken at http:\/\/127\.0\.0\.1:\d+\/token failed: /);
  });

  it("an endless body: cut at the transport's cap, not read into memory", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "[");
      const pump = () => {
        while (res.write(chunk));
        res.once("drain", pump);
      };
      res.on("error", () => {});
      pump();
    };
    const run = await login();
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`credchain: TokenRetrieval: SSO-OIDC RegisterClient at ${url}/client/register failed: the response was too large\n`);
  });

  it("an interval of a billion seconds: the wait ends at the authorization's expiry", async () => {
    handler = deviceFlow({ interval: 1e9, expiresIn: 2 });
    const run = await login();
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stderr).toMatch(/The pending authorization to retrieve an SSO token has expired \(code ABCD-EFGH/);
  });

  it.each([
    ["a user code with terminal escapes", { userCode: "\x1b[2J\x1b]0;pwned\x07" }, "answered a userCode that cannot be shown"],
    ["a verification URL that is not http(s)", { verificationUri: "file:///etc/passwd", verificationUriComplete: "file:///etc/passwd" }, "answered a verificationUri that cannot be shown or opened"],
    ["an expiry past what a date holds", { expiresIn: 1e300 }, "answered expiresIn = 1e+300, which is not a time"],
  ])("%s: refused before anything is shown or opened", async (_name, authorization, message) => {
    handler = deviceFlow(authorization);
    const run = await login();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("to sign in, open");
  });

  it("a token that expires after the year 275760: refused, and no token file is written", async () => {
    handler = deviceFlow({}, (_q, res) => json(res, 200, { accessToken: PLANTED.jwt, expiresIn: 1e300, refreshToken: PLANTED.sessionToken }));
    const run = await login();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SSO-OIDC CreateToken");
    expect(run.stderr).toContain("answered expiresIn = 1e+300");
  });

  it("a server that accepts and never answers: Ctrl-C ends the sign-in at once", async () => {
    handler = () => {};
    const child = spawn(process.execPath, [CLI_BIN, "sso", "login", "--profile", "dev", "--no-browser"], { env: { PATH: process.env.PATH ?? "", ...env() }, stdio: "pipe" });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += String(c)));
    const started = Date.now();
    setTimeout(() => child.kill("SIGINT"), 1000);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, sig) => resolve(sig)));
    expect(signal).toBe("SIGINT");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("completion and configure with a hostile config file", () => {
  it("a FIFO as the config file: Tab offers no names, at once, and nothing blocks", async () => {
    const fifo = join(home.dir, "config.fifo");
    execFileSync("mkfifo", [fifo]);
    const extra = { AWS_CONFIG_FILE: fifo, AWS_SHARED_CREDENTIALS_FILE: fifo };
    const complete = await runCli(["__complete", "bash", "3", "credchain", "export", "--profile", ""], { env: home.env(extra), timeoutMs: 5000 });
    expect(complete).toMatchObject({ code: 0, stdout: "", stderr: "", timedOut: false });
    const commands = await runCli(["__complete", "bash", "1", "credchain", "ex"], { env: home.env(extra), timeoutMs: 5000 });
    expect(commands.stdout).toBe("export\nexplain\nexec\n");
    const profiles = await runCli(["configure", "list-profiles"], { env: home.env(extra), timeoutMs: 5000 });
    expect(profiles).toMatchObject({ code: 0, stdout: "", timedOut: false });
    const set = await runCli(["configure", "set", "region", "eu-west-1"], { env: home.env(extra), timeoutMs: 5000 });
    expect(set.timedOut).toBe(false);
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/^credchain: ConfigNotFound: .*config\.fifo/);
  });

  it("a 2 GB sparse config file: capped, no names, no memory blow-up", async () => {
    const big = join(home.dir, "big-config");
    execFileSync("truncate", ["-s", "2G", big]);
    const complete = await runCli(["__complete", "bash", "3", "credchain", "export", "--profile", ""], { env: home.env({ AWS_CONFIG_FILE: big }), timeoutMs: 5000, maxHeapMiB: 64 });
    expect(complete).toMatchObject({ code: 0, stdout: "", timedOut: false });
  });

  it("profile names with newlines or escapes are not offered as completions", async () => {
    const dir = await faultHome();
    try {
      await dir.write({ ".aws/config": "[profile ok]\n[profile bad\x1b[2J]\n" });
      const complete = await runCli(["__complete", "bash", "3", "credchain", "export", "--profile", ""], { env: dir.env(), timeoutMs: 5000 });
      expect(complete.stdout).toBe("ok\n");
    } finally {
      await dir.remove();
    }
  });
});

describe("argv carrying escape sequences or megabytes", () => {
  it.each([
    [["exp\x1b[2Jort"], 'unknown command "exp\\x1b[2Jort"'],
    [["export", "--\x1b]0;pwned\x07"], "unknown option --\\x1b]0;pwned\\x07"],
    [["export", "--format", "\x1b[31mjson"], '--format must be one of process, env, json (got "\\x1b[31mjson")'],
  ])("%j: exit 2, the word shown escaped", async (argv, message) => {
    const run = await runCli(argv, { env: home.env(), timeoutMs: 5000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("\x1b");
  });

  it("a profile name with escapes in a failure message is shown without them", async () => {
    const run = await runCli(["export", "--profile", "evil\x1b]0;pwned\x07"], { env: home.env(), timeoutMs: 5000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ProfileNotFound");
    // The library quotes the name as it quotes any untrusted text (control characters become a
    // space); the CLI escapes whatever else reaches the terminal.
    expect(run.stderr).toContain("The config profile (evil ]0;pwned)");
    expect(run.stderr).not.toMatch(/[\x1b\x07]/);
  });

  it("a 100 KB option name (near the largest argument Linux passes): exit 2 with a message cut short", async () => {
    const run = await runCli(["export", `--${"x".repeat(100_000)}`], { env: home.env(), timeoutMs: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(5000);
  });
});
