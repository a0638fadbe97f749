import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";

// The real command as a child process; needs `dist/` (the bin imports ../dist/cli.js).
const BIN = fileURLToPath(new URL("../bin/credchain-emulator.js", import.meta.url));

function startBin(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const env = async (count: number): Promise<Record<string, string>> => {
    while (stdout.split("\n").filter((l) => l.includes("=")).length < count) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr}`);
      await once(child.stdout, "data");
    }
    return Object.fromEntries(stdout.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  };
  return { child, env, stderr: () => stderr };
}

describe(runCli.name, () => {
  it("serves both endpoints by default, prints the env, and stops on SIGTERM", async () => {
    const { child, env, stderr } = startBin([]);
    const vars = await env(3);
    expect(Object.keys(vars).sort()).toEqual([
      "AWS_CONTAINER_AUTHORIZATION_TOKEN",
      "AWS_CONTAINER_CREDENTIALS_FULL_URI",
      "AWS_EC2_METADATA_SERVICE_ENDPOINT",
    ]);
    expect(vars.AWS_EC2_METADATA_SERVICE_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const imds = await fetch(`${vars.AWS_EC2_METADATA_SERVICE_ENDPOINT}/latest/meta-data/iam/security-credentials/`);
    expect(await imds.text()).toBe("credchain-emulator-role");
    const creds = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI!, {
      headers: { authorization: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN! },
    });
    expect(((await creds.json()) as { AccessKeyId: string }).AccessKeyId).toBe("ASIAEMULATOR00000001");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(stderr()).toContain("GET /latest/meta-data/iam/security-credentials/ 200");
    expect(stderr()).toContain("GET /creds 200");
    expect(stderr()).not.toContain(vars.AWS_CONTAINER_AUTHORIZATION_TOKEN!);
    expect(stderr()).toContain("stopped");
  });

  it("serves only the container endpoint on --port with --token, until SIGINT", async () => {
    const probe = await import("node:net").then(
      (net) =>
        new Promise<number>((resolve) => {
          const s = net.createServer().listen(0, "127.0.0.1", () => {
            const port = (s.address() as { port: number }).port;
            s.close(() => resolve(port));
          });
        }),
    );
    const { child, env } = startBin(["--container", "--port", String(probe), "--token", "tok"]);
    const vars = await env(2);
    expect(vars).toEqual({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${probe}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: "tok" });
    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("rejects unknown options with exit code 2 and the usage", async () => {
    const lines: string[] = [];
    const code = await runCli(["--bogus"], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
    expect(code).toBe(2);
    expect(lines.join("\n")).toMatch(/Unknown option '--bogus'[\s\S]*Usage: credchain-emulator/);
  });

  it("runs in-process until told to stop", async () => {
    const lines: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const done = runCli(["--imds"], { stdout: (l) => lines.push(l), stderr: () => {}, stopped });
    while (lines.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(lines).toEqual([expect.stringMatching(/^AWS_EC2_METADATA_SERVICE_ENDPOINT=http:\/\/127\.0\.0\.1:\d+$/)]);
    stop();
    expect(await done).toBe(0);
  });

  it("serves STS with --sts and names the emulated user's keys on stderr only", async () => {
    const out: string[] = [];
    const err: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const done = runCli(["--sts"], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), stopped });
    while (out.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(out).toEqual([expect.stringMatching(/^AWS_ENDPOINT_URL_STS=http:\/\/127\.0\.0\.1:\d+$/)]);
    expect(err.join("\n")).toContain("AWS_ACCESS_KEY_ID=AKIAEMULATORUSER0001");
    stop();
    expect(await done).toBe(0);
  });

  it("serves IAM Identity Center with --sso (a sign-in approved by opening its URL) and sign-in with --login", async () => {
    const out: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const done = runCli(["--sso", "--login"], { stdout: (l) => out.push(l), stderr: () => {}, stopped });
    while (out.length < 3) await new Promise((r) => setTimeout(r, 5));
    const env = Object.fromEntries(out.map((l) => l.split("=", 2) as [string, string]));
    expect(Object.keys(env)).toEqual(["AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL_SSO_OIDC", "AWS_ENDPOINT_URL_SIGNIN"]);
    const post = async (path: string, body: object) =>
      (await fetch(`${env.AWS_ENDPOINT_URL_SSO_OIDC}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json() as Promise<Record<string, string>>;
    const client = await post("/client/register", { clientName: "c", clientType: "public" });
    const auth = await post("/device_authorization", { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: "https://x.awsapps.com/start" });
    expect((await fetch(auth.verificationUriComplete!)).status).toBe(200);
    const token = await post("/token", { clientId: client.clientId, clientSecret: client.clientSecret, grantType: "urn:ietf:params:oauth:grant-type:device_code", deviceCode: auth.deviceCode });
    const creds = await fetch(`${env.AWS_ENDPOINT_URL_SSO}/federation/credentials?role_name=credchain-emulator-role&account_id=123456789012`, {
      headers: { "x-amz-sso_bearer_token": token.accessToken! },
    });
    expect(creds.status).toBe(200);
    stop();
    expect(await done).toBe(0);
  });
});

describe("the README's credchain-emulator flags", () => {
  it("are exactly the flags --help lists", async () => {
    let usage = "";
    expect(await runCli(["--help"], { stdout: (l) => void (usage += l), stderr: () => {} })).toBe(0);
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("| flag | meaning | default |"));
    // The first cell of each row: `--imds`, or `-h`, `--help`.
    const documented = [...table.slice(0, table.indexOf("\n\n")).matchAll(/^\| ([^|]*)\|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(--?[a-z]+)/g)].map((f) => f[1]));
    const listed = [...usage.matchAll(/^ {2}(?:(-[a-z]), )?(--[a-z]+)/gm)].flatMap((m) => (m[1] ? [m[1], m[2]] : [m[2]]));
    expect(documented.sort()).toEqual(listed.sort());
  });
});
