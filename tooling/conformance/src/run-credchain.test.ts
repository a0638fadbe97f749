import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCredchain } from "./run-credchain.js";
import { loadScenario } from "./scenario.js";

// A stand-in CLI that reports what it was given, so the runner is tested without the real one.
const root = mkdtempSync(join(tmpdir(), "conformance-run-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STUB = join(root, "stub-cli.mjs");
writeFileSync(
  STUB,
  `import { existsSync, readFileSync } from "node:fs";
const env = Object.keys(process.env).filter((k) => k !== "PATH" && k !== "HOME").sort();
process.stdout.write(JSON.stringify({
  argv: process.argv.slice(2), env, cwdIsHome: process.cwd() === process.env.HOME,
  config: readFileSync(process.env.HOME + "/.aws/config", "utf8"),
  x: process.env.X,
}));
process.exitCode = 4;
`,
);

// A stand-in CLI that fetches from the scenario's IMDS emulator: the runner must keep serving it.
const FETCHING_STUB = join(root, "fetching-stub-cli.mjs");
writeFileSync(
  FETCHING_STUB,
  `const base = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
const token = await (await fetch(base + "/latest/api/token", { method: "PUT", headers: { "x-aws-ec2-metadata-token-ttl-seconds": "60" } })).text();
const headers = { "x-aws-ec2-metadata-token": token };
const role = await (await fetch(base + "/latest/meta-data/iam/security-credentials/", { headers })).text();
const creds = await (await fetch(base + "/latest/meta-data/iam/security-credentials/" + role, { headers })).json();
process.stdout.write(JSON.stringify({ role, accessKeyId: creds.AccessKeyId, expiration: creds.Expiration, endpoint: base }));
`,
);

function scenarioDir(name: string, spec: object, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(join(dir, "home"), { recursive: true });
  writeFileSync(join(dir, "scenario.json"), JSON.stringify(spec));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, "home", path, ".."), { recursive: true });
    writeFileSync(join(dir, "home", path), content);
  }
  return dir;
}

describe(runCredchain.name, () => {
  it("runs the CLI in the temp home with the scrubbed env and the scenario's profile and args", async () => {
    const dir = scenarioDir(
      "001-stub",
      { description: "d", env: { X: "{{HOME}}/x" }, profile: "dev", args: ["--debug"] },
      { ".aws/config": "credential_process = node {{HOME}}/bin/p.js\n" },
    );
    const run = await runCredchain(loadScenario(dir, "001-stub"), STUB);
    expect(run.status).toBe(4);
    expect(JSON.parse(run.stdout)).toEqual({
      argv: ["export", "--format", "json", "--profile", "dev", "--debug"],
      env: ["AWS_EC2_METADATA_DISABLED", "X"],
      cwdIsHome: true,
      config: "credential_process = node {{HOME}}/bin/p.js\n", // the temp path is turned back into {{HOME}}
      x: "{{HOME}}/x",
    });
  });

  it("starts the scenario's emulator, serves it while the CLI runs, and restores {{IMDS_URL}} in the output", async () => {
    const dir = scenarioDir("002-stub", {
      description: "d",
      env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: "{{IMDS_URL}}" },
      emulator: { imds: { allowV1: false, roleName: "stub-role" } },
    });
    const run = await runCredchain(loadScenario(dir, "002-stub"), FETCHING_STUB);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      role: "stub-role",
      accessKeyId: "ASIAIMDSCONFORMANCE1",
      expiration: "2099-01-01T00:00:00Z",
      endpoint: "{{IMDS_URL}}",
    });
  });
});
