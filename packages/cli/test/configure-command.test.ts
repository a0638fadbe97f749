import { readFile, stat, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { home, run } from "./run.js";

describe("credchain configure", () => {
  it("sets keys where aws configure set puts them, keeping comments, and gets them back", async () => {
    const env = await home({ ".aws/config": "# my settings\n[default]\nregion = us-east-1  # keep\n" });
    expect((await run(["configure", "set", "region", "eu-west-1", "--profile", "dev"], env)).code).toBe(0);
    expect((await run(["configure", "set", "aws_secret_access_key", "s3cret-value", "--profile", "dev"], env)).code).toBe(0);
    expect((await run(["configure", "set", "default.output", "json"], env)).code).toBe(0);
    expect(await readFile(join(env.HOME as string, ".aws", "config"), "utf8")).toBe(
      "# my settings\n[default]\nregion = us-east-1  # keep\noutput = json\n\n[profile dev]\nregion = eu-west-1\n",
    );
    const creds = join(env.HOME as string, ".aws", "credentials");
    expect(await readFile(creds, "utf8")).toBe("[dev]\naws_secret_access_key = s3cret-value\n");
    expect((await stat(creds)).mode & 0o777).toBe(0o600);
    const got = await run(["configure", "get", "region", "--profile", "dev"], env);
    expect(got).toMatchObject({ code: 0, stdout: "eu-west-1\n" });
    expect((await run(["configure", "get", "profile.dev.aws_secret_access_key"], env)).stdout).toBe("s3cret-value\n");
  });

  it("uses AWS_PROFILE when no --profile is given", async () => {
    const env = await home({}, { AWS_PROFILE: "p" });
    await run(["configure", "set", "region", "x"], env);
    expect(await readFile(join(env.HOME as string, ".aws", "config"), "utf8")).toBe("[profile p]\nregion = x\n");
  });

  it("exits 1 for a key that is not set, printing nothing", async () => {
    const r = await run(["configure", "get", "region"], await home({}));
    expect(r).toEqual({ code: 1, stdout: "", stderr: "" });
  });

  it("reports a broken config file on get with its code", async () => {
    const r = await run(["configure", "get", "region"], await home({ ".aws/config": "[default]\nregion=a\nregion=b\n" }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ConfigParse");
  });

  it("reports a file it cannot write, never the value", async () => {
    const env = await home({});
    await mkdir(join(env.HOME as string, "dir-as-file"));
    const r = await run(["configure", "set", "aws_access_key_id", "AKIDSECRETISH"], { ...env, AWS_SHARED_CREDENTIALS_FILE: join(env.HOME as string, "dir-as-file") });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^credchain: /);
    expect(r.stderr).not.toContain("AKIDSECRETISH");
  });

  it.each([
    [["configure"], "configure needs a subcommand: set, get, list, list-profiles"],
    [["configure", "frob"], 'unknown configure subcommand "frob"'],
    [["configure", "set", "region"], "credchain configure set expects KEY VALUE"],
    [["configure", "get", "a", "b"], 'credchain configure get expects KEY, got an extra "b"'],
    [["configure", "set", "s3.addressing_style.x", "path"], "nested too deeply"],
  ])("exits 2 for %o", async (argv, message) => {
    const r = await run(argv, await home({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("refuses a value spanning lines", async () => {
    const env = await home({});
    await writeFile(join(env.HOME as string, "x"), "");
    const r = await run(["configure", "set", "region", "a\nb"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("InvalidConfig");
  });
});
