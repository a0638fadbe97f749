import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareRun } from "./prepare-run.js";
import { loadScenario } from "./scenario.js";

const root = mkdtempSync(join(tmpdir(), "conformance-prepare-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(prepareRun.name, () => {
  it("substitutes the emulator placeholders in env and files, keeps IMDS enabled, and tears everything down", async () => {
    const dir = join(root, "001-x");
    mkdirSync(join(dir, "home", ".aws"), { recursive: true });
    writeFileSync(
      join(dir, "scenario.json"),
      JSON.stringify({
        description: "d",
        env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: "{{CONTAINER_URL}}", AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: "{{HOME}}/token" },
        emulator: { imds: {}, container: { authorizationToken: "Bearer abc" } },
      }),
    );
    writeFileSync(join(dir, "home", ".aws", "config"), "[default]\nec2_metadata_service_endpoint = {{IMDS_URL}}\n");
    writeFileSync(join(dir, "home", "token"), "{{CONTAINER_TOKEN}}");
    const run = await prepareRun(loadScenario(dir, "001-x"));
    const { IMDS_URL: imds, CONTAINER_URL: container } = run.emulators.placeholders;
    expect(run.env.AWS_CONTAINER_CREDENTIALS_FULL_URI).toBe(container);
    expect(run.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE).toBe(`${run.home}/token`);
    // No endpoint env var, but the scenario runs IMDS (the config file names it): not disabled.
    expect(run.env.AWS_EC2_METADATA_DISABLED).toBeUndefined();
    expect(readFileSync(join(run.home, ".aws", "config"), "utf8")).toBe(`[default]\nec2_metadata_service_endpoint = ${imds}\n`);
    expect(readFileSync(join(run.home, "token"), "utf8")).toBe("Bearer abc");
    expect(run.restore).toEqual({ HOME: run.home, IMDS_URL: imds, CONTAINER_URL: container });
    await run.cleanup();
    expect(existsSync(run.home)).toBe(false);
    await expect(fetch(`${imds}/latest/api/token`, { method: "PUT" })).rejects.toThrow();
  });

  it("stops the emulators when the env is refused", async () => {
    const dir = join(root, "002-x");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "scenario.json"),
      JSON.stringify({ description: "d", env: { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/x" }, emulator: { container: {} } }),
    );
    await expect(prepareRun(loadScenario(dir, "002-x"))).rejects.toThrow(/169\.254\.170\.2/);
  });
});
