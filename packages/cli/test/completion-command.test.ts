import { execFile, spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { home, run } from "./run.js";

// The scripts as the shells load them, and Tab pressed in each: a `credchain` on PATH that is
// bin/credchain.js over the built dist, profile names from a HOME's config files.
const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));
const has = (shell: string) => spawnSync(shell, ["-c", "exit 0"], { stdio: "ignore" }).status === 0;
const FILES = {
  ".aws/config": "[default]\nregion = eu-west-1\n[profile dev]\n[profile dev-admin]\n[profile prod]\n[sso-session corp]\n",
  ".aws/credentials": "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\n",
};

let binDir: string;
let env: Record<string, string>;
beforeAll(async () => {
  binDir = await mkdtemp(join(tmpdir(), "credchain-completion-bin-"));
  await writeFile(join(binDir, "credchain"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  await chmod(join(binDir, "credchain"), 0o755);
  env = { ...(await home(FILES)), PATH: `${binDir}:${process.env.PATH ?? ""}` };
});
afterAll(() => rm(binDir, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const r = await run(["completion", shell], env);
  expect(r.code).toBe(0);
  return r.stdout;
}

/** What bash offers for the words typed so far (the last one being completed), through the loaded script. */
async function bashComplete(words: string[]): Promise<string[]> {
  const line = [
    await script("bash"),
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "_credchain",
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  const { stdout } = await promisify(execFile)("bash", ["--norc", "--noprofile", "-c", line], { env, encoding: "utf8", timeout: 20_000 });
  return stdout.split("\n").filter((l) => l !== "");
}

describe("credchain completion", () => {
  it.each([
    ["bash", ["-n"]],
    ["zsh", ["-n"]],
    ["fish", ["--no-execute"]],
  ])("prints a %s script the shell parses", async (shell, flags) => {
    if (!has(shell)) return;
    const text = await script(shell);
    const dir = await mkdtemp(join(tmpdir(), "credchain-completion-"));
    try {
      await writeFile(join(dir, "script"), text);
      const r = spawnSync(shell, [...flags, join(dir, "script")], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("bash: completes commands, subcommands, options, choices and profile names", async () => {
    expect(await bashComplete(["credchain", "ex"])).toEqual(["export", "explain", "exec"]);
    expect(await bashComplete(["credchain", "configure", "l"])).toEqual(["list", "list-profiles"]);
    expect(await bashComplete(["credchain", "export", "--f"])).toEqual(["--format"]);
    expect(await bashComplete(["credchain", "export", "--format", ""])).toEqual(["process", "env", "json"]);
    expect(await bashComplete(["credchain", "export", "--profile", "d"])).toEqual(["default", "dev", "dev-admin"]);
    expect(await bashComplete(["credchain", "sso", "login", "-p", ""])).toEqual(["default", "dev", "dev-admin", "prod", "ci"]);
    // bash splits --profile=dev at "=": the value alone is offered.
    expect(await bashComplete(["credchain", "export", "--profile", "=", "pr"])).toEqual(["prod"]);
    expect(await bashComplete(["credchain", "completion", ""])).toEqual(["bash", "zsh", "fish"]);
    expect(await bashComplete(["credchain", "help", "configure", "s"])).toEqual(["set"]);
  });

  it.skipIf(!has("fish"))("fish: completes profile names and options with their help", async () => {
    const text = await script("fish");
    const dir = await mkdtemp(join(tmpdir(), "credchain-completion-"));
    try {
      await writeFile(join(dir, "credchain.fish"), text);
      const complete = async (line: string) => {
        const { stdout } = await promisify(execFile)("fish", ["--no-config", "-c", `source ${dir}/credchain.fish; complete -C ${JSON.stringify(line)}`], { env, encoding: "utf8", timeout: 20_000 });
        return stdout.split("\n").filter((l) => l !== "");
      };
      expect(await complete("credchain explain --profile p")).toEqual(["prod\tprofile"]);
      expect(await complete("credchain whoami --fo")).toEqual(["--format\ttext (default) or json"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the hidden __complete offers nothing after --, and never fails on a broken config file", async () => {
    expect((await run(["__complete", "bash", "4", "credchain", "exec", "--", "a"], env)).stdout).toBe("");
    const broken = await home({ ".aws/config": "[default]\nregion=a\nregion=b\n" });
    const r = await run(["__complete", "bash", "3", "credchain", "export", "--profile", ""], broken);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await run(["__complete", "zsh", "1", "credchain", "ssx"], env)).stdout).toBe("");
    expect((await run(["__complete", "zsh", "1", "credchain", "ss"], env)).stdout).toBe("sso:sign in to or out of IAM Identity Center (device authorization)\n");
  });

  it.each([
    [["completion"], "credchain completion expects SHELL"],
    [["completion", "tcsh"], 'completion: unknown shell "tcsh" (bash, zsh, fish)'],
  ])("exits 2 for %j", async (argv, message) => {
    const r = await run(argv, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
