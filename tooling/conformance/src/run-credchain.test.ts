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

describe(runCredchain.name, () => {
  it("runs the CLI in the temp home with the scrubbed env and the scenario's profile and args", () => {
    const dir = join(root, "001-stub");
    mkdirSync(join(dir, "home", ".aws"), { recursive: true });
    writeFileSync(join(dir, "scenario.json"), JSON.stringify({ description: "d", env: { X: "{{HOME}}/x" }, profile: "dev", args: ["--debug"] }));
    writeFileSync(join(dir, "home", ".aws", "config"), "credential_process = node {{HOME}}/bin/p.js\n");
    const run = runCredchain(loadScenario(dir, "001-stub"), STUB);
    expect(run.status).toBe(4);
    expect(JSON.parse(run.stdout)).toEqual({
      argv: ["export", "--format", "json", "--profile", "dev", "--debug"],
      env: ["AWS_EC2_METADATA_DISABLED", "X"],
      cwdIsHome: true,
      config: "credential_process = node {{HOME}}/bin/p.js\n", // the temp path is turned back into {{HOME}}
      x: "{{HOME}}/x",
    });
  });
});
