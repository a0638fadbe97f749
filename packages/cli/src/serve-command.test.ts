import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { fromContainerMetadata } from "@credchain/provider-container";
import { afterEach, describe, expect, it } from "vitest";
import { home, run } from "./test-run.js";

const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));
const FILES = { ".aws/credentials": "[default]\naws_access_key_id = AKIDSERVE\naws_secret_access_key = serve-secret\n" };
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

/** Starts `credchain serve` and reads the two variables it prints. */
async function serve(env: Record<string, string>): Promise<{ child: ChildProcess; vars: Record<string, string> }> {
  const child = spawn(process.execPath, [BIN, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  const vars: Record<string, string> = {};
  for await (const chunk of child.stdout as NodeJS.ReadableStream) {
    out += String(chunk);
    for (const m of out.matchAll(/^export (\w+)=(\S+)$/gm)) vars[m[1] as string] = m[2] as string;
    if (vars.AWS_CONTAINER_AUTHORIZATION_TOKEN) break;
  }
  return { child, vars };
}

describe("credchain serve", () => {
  it("serves the credentials to a container-protocol client with the token, and refuses others", async () => {
    const { child, vars } = await serve(await home(FILES));
    expect(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(vars.AWS_CONTAINER_AUTHORIZATION_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    const c = await fromContainerMetadata({ env: vars })();
    expect(c).toMatchObject({ accessKeyId: "AKIDSERVE", secretAccessKey: "serve-secret", source: "container-role" });
    const denied = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI as string, { headers: { authorization: "wrong" } });
    expect(denied.status).toBe(401);
    expect(await denied.text()).not.toContain("serve-secret");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
  it.skipIf(!hasBotocore)("is accepted by botocore's container provider", async () => {
    const { vars } = await serve(await home(FILES));
    const py = spawnSync(
      "python3",
      ["-c", "from botocore.credentials import ContainerProvider; import os; c = ContainerProvider().load().get_frozen_credentials(); print(c.access_key)"],
      { env: { PATH: process.env.PATH ?? "", ...vars }, encoding: "utf8" },
    );
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("AKIDSERVE");
  });

  it("fails at once when the chain has no credentials", async () => {
    const r = await run(["serve"], await home({}));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("NoCredentials");
  });

  it("rejects a bad --port", async () => {
    expect((await run(["serve", "--port", "99999"], await home({}))).code).toBe(2);
  });
});
