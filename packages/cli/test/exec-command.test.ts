import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { home, run } from "./run.js";

const FILES = {
  ".aws/credentials": "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n",
  ".aws/config": "[profile dev]\nregion = eu-west-3\n",
};
// The child writes what it sees to a file: exec gives it the terminal, not a pipe.
const DUMP = `require("node:fs").writeFileSync(process.argv[1], JSON.stringify(process.env))`;

async function envSeen(file: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
}

describe("credchain exec", () => {
  it("runs the command with the chain's credentials and region, and without stale variables", async () => {
    const env = await home(FILES, { PATH: process.env.PATH ?? "", AWS_PROFILE: "dev", AWS_SECURITY_TOKEN: "stale", KEEP: "me" });
    const out = join(env.HOME as string, "env.json");
    const r = await run(["exec", "--", process.execPath, "-e", DUMP, out], env);
    expect(r.code).toBe(0);
    const seen = await envSeen(out);
    expect(seen).toMatchObject({ AWS_ACCESS_KEY_ID: "AKIDDEV", AWS_SECRET_ACCESS_KEY: "dev-secret", AWS_REGION: "eu-west-3", AWS_DEFAULT_REGION: "eu-west-3", KEEP: "me" });
    expect(seen.AWS_SECURITY_TOKEN).toBeUndefined();
    expect(seen.AWS_PROFILE).toBeUndefined();
    expect(seen.AWS_SESSION_TOKEN).toBeUndefined();
  });

  it("passes the exit code through, and a signal as 128 + n", async () => {
    const env = await home(FILES, { AWS_PROFILE: "dev" });
    expect((await run(["exec", "--", process.execPath, "-e", "process.exit(7)"], env)).code).toBe(7);
    expect((await run(["exec", "--", process.execPath, "-e", "process.kill(process.pid, 'SIGTERM')"], env)).code).toBe(143);
  });

  it("exits 127 for a command that does not exist", async () => {
    const r = await run(["exec", "--", "/nonexistent/credchain-test-command"], await home(FILES, { AWS_PROFILE: "dev" }));
    expect(r.code).toBe(127);
    expect(r.stderr).toContain("command not found");
  });

  it("does not start the command when credentials cannot be resolved", async () => {
    const env = await home({});
    const out = join(env.HOME as string, "env.json");
    const r = await run(["exec", "--", process.execPath, "-e", DUMP, out], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("credchain: NoCredentials:");
    await expect(readFile(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  describe("--server", () => {
    let sts: StsEmulator;
    beforeAll(async () => {
      sts = await startSts();
    });
    afterAll(() => sts.close());
    // startSts's default user, as long-term keys in the credentials file.
    const USER_FILES = {
      ".aws/credentials": "[dev]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n",
      ".aws/config": "[profile dev]\nregion = eu-west-3\n",
    };
    const FETCH = `fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } })
      .then((r) => r.json()).then((b) => require("node:fs").writeFileSync(process.argv[1], JSON.stringify({ b, keys: process.env.AWS_ACCESS_KEY_ID ?? null })))`;

    it("gives the command only a local container endpoint, serving long-term keys as a GetSessionToken session", async () => {
      const env = await home(USER_FILES, { AWS_PROFILE: "dev", ...sts.env });
      const out = join(env.HOME as string, "got.json");
      const r = await run(["exec", "--server", "--", process.execPath, "-e", FETCH, out], env);
      expect(r.code, r.stderr).toBe(0);
      const got = JSON.parse(await readFile(out, "utf8"));
      expect(got.keys).toBeNull();
      const issued = sts.issued.at(-1);
      expect(issued?.action).toBe("GetSessionToken");
      expect(got.b).toEqual({ AccessKeyId: issued?.accessKeyId, SecretAccessKey: issued?.secretAccessKey, Token: issued?.sessionToken, Expiration: issued?.expiration.toISOString().replace(".000Z", "Z") });
    });

    it("with --long-term-keys serves the keys themselves, without Expiration", async () => {
      const env = await home(USER_FILES, { AWS_PROFILE: "dev", ...sts.env });
      const out = join(env.HOME as string, "got.json");
      const r = await run(["exec", "--server", "--long-term-keys", "--", process.execPath, "-e", FETCH, out], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(await readFile(out, "utf8")).b).toEqual({ AccessKeyId: "AKIAEMULATORUSER0001", SecretAccessKey: "emulatorUserSecretAccessKey/0001/xxxxxxxx", Token: "" });
    });

    it("does not start the command when GetSessionToken fails", async () => {
      const env = await home(FILES, { AWS_PROFILE: "dev", ...sts.env });
      const out = join(env.HOME as string, "got.json");
      const r = await run(["exec", "--server", "--", process.execPath, "-e", FETCH, out], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("GetSessionToken");
      await expect(readFile(out)).rejects.toMatchObject({ code: "ENOENT" });
    });
  });

  it.each([
    [["exec"], "exec needs a command after --"],
    [["exec", "aws", "s3", "ls"], "put the command after --"],
  ])("exits 2 for %o", async (argv, message) => {
    const r = await run(argv, await home({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
