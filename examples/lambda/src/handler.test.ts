import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startContainer, type ContainerEmulator } from "@credchain/emulator";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { bundleHandler } from "./bundle-handler.js";
import { createHandler } from "./handler.js";

let container: ContainerEmulator;
beforeAll(async () => {
  container = await startContainer({ authorizationToken: "lambda-test-token" });
});
afterAll(async () => {
  await container.close();
});

// No env credentials, IMDS off: the container endpoint is the only source.
const env = () => ({ ...container.env, AWS_EC2_METADATA_DISABLED: "true" });

describe(createHandler.name, () => {
  it("resolves through the container endpoint and never returns the secret", async () => {
    const handler = createHandler({ env: env() });
    const result = await handler({});
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body);
    expect(body.source).toBe("container-role");
    expect(body.accessKeyId).toMatch(/\*+0001$/);
    expect(result.body).not.toContain(container.credentials().secretAccessKey);
  });

  it("serves warm invocations from the cache: one request for many invocations", async () => {
    const before = container.requests.length;
    const handler = createHandler({ env: env() });
    await Promise.all(Array.from({ length: 20 }, () => handler({})));
    await handler({});
    expect(container.requests.length - before).toBe(1);
  });

  it("prefers env credentials, as Lambda's execution role sets them", async () => {
    const handler = createHandler({ env: { ...env(), AWS_ACCESS_KEY_ID: "AKIALAMBDAEXAMPLE123", AWS_SECRET_ACCESS_KEY: "s" } });
    expect(JSON.parse((await handler({})).body).source).toBe("env");
  });
});

describe(bundleHandler.name, () => {
  it("bundles the handler, and the bundle runs against the emulator", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lambda-bundle-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const outfile = join(dir, "handler.mjs");
    const r = await bundleHandler(outfile);
    expect(r.minified).toBeGreaterThan(0);
    expect(r.inputs.some((i) => i.name.includes("provider-container"))).toBe(true);
    // A fresh process, as Lambda starts one: the bundle alone, with the environment Lambda would give.
    const script = `const { handler } = await import(${JSON.stringify(outfile)}); console.log((await handler({})).body);`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env() },
    });
    expect(JSON.parse(stdout).source).toBe("container-role");
  });
});
