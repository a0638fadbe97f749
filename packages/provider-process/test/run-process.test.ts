import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { leftBehind } from "@credchain/test-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runProcess, type RunProcessOptions } from "../src/run-process.js";
import { scriptDir, type ScriptDir } from "./scripts.js";

const JSON_OK = JSON.stringify({ Version: 1, AccessKeyId: "AKIDDAEMON", SecretAccessKey: "daemon-secret" });
const options: RunProcessOptions = { env: { PATH: process.env.PATH }, timeoutMs: 30_000, maxOutputBytes: 1024 * 1024 };

let s: ScriptDir;
/** Processes a helper left behind, killed after each test. */
const left = leftBehind();
beforeAll(async () => {
  s = await scriptDir("credchain-run-process-");
});
afterEach(() => left.killAll());
afterAll(async () => {
  await s.remove();
});

/** A shell helper that leaves `sleep 60` behind holding its stdout and stderr, then runs `then`. */
async function daemonHelper(name: string, then: string): Promise<string[]> {
  const pidFile = left.pidFile(join(s.dir, `${name}.pid`));
  const file = join(s.dir, `${name}.sh`);
  await writeFile(file, `sleep 60 &\necho $! > '${pidFile}'\n${then}\n`);
  return ["/bin/sh", file];
}

describe(runProcess.name, () => {
  it("answers when the helper exits, though a daemon it started still holds stdout open", async () => {
    const argv = await daemonHelper("daemon", `printf '%s\\n' '${JSON_OK}'\nexit 0`);
    const started = Date.now();
    const result = await runProcess(argv, options);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ kind: "exited", exitCode: 0, signal: null });
    if (result.kind !== "exited") throw new Error("unreachable");
    expect(JSON.parse(result.stdout.toString())).toMatchObject({ AccessKeyId: "AKIDDAEMON" });
  });

  it("keeps the exit status and stderr of such a helper", async () => {
    const argv = await daemonHelper("daemon-fails", `echo 'session expired' >&2\nexit 4`);
    const result = await runProcess(argv, options);
    expect(result).toMatchObject({ kind: "exited", exitCode: 4 });
    if (result.kind !== "exited") throw new Error("unreachable");
    expect(result.stderr.toString()).toBe("session expired\n");
  });

  it("loses nothing a helper writes in many pieces just before it exits", async () => {
    // 200 KB in 1 KB writes (more than a pipe holds), the last ones right before exit, and a
    // daemon holding stdout, so the end of file never comes.
    const piece = "x".repeat(1023);
    const argv = await daemonHelper(
      "pieces",
      `exec "${process.execPath}" -e 'const fs = require("fs"); fs.writeSync(1, "{\\"Pad\\": \\""); for (let i = 0; i < 200; i++) fs.writeSync(1, "${piece}"); fs.writeSync(1, "\\", \\"End\\": true}\\n"); process.exit(0)'`,
    );
    const result = await runProcess(argv, options);
    if (result.kind !== "exited") throw new Error(`unexpected ${result.kind}`);
    const doc = JSON.parse(result.stdout.toString()) as { Pad: string; End: boolean };
    expect(doc.Pad).toHaveLength(200 * 1023);
    expect(doc.End).toBe(true);
  });

  it("loses nothing of several quick writes when the pipes close normally", async () => {
    const cmd = await s.script("writes", `const fs = require("fs"); for (const part of ${JSON.stringify(JSON_OK.match(/.{1,7}/g))}) fs.writeSync(1, part); process.exit(0);`);
    for (let i = 0; i < 20; i++) {
      const result = await runProcess(["/bin/sh", "-c", cmd], options);
      if (result.kind !== "exited") throw new Error(`unexpected ${result.kind}`);
      expect(result.stdout.toString()).toBe(JSON_OK);
    }
  });

  it("still times out a helper that never exits", async () => {
    const argv = await daemonHelper("hang", `exec sleep 60`);
    const started = Date.now();
    const result = await runProcess(argv, { ...options, timeoutMs: 300 });
    expect(result).toEqual({ kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("past the exit, the timeout ends the reading of what a daemon keeps writing", async () => {
    // A second process left behind writes a line every 10 ms for about 3 s (or until the pipe breaks).
    const argv = await daemonHelper("chatty", `(i=0; while [ $i -lt 300 ]; do echo tick || exit; sleep 0.01; i=$((i+1)); done) &\nexit 0`);
    const started = Date.now();
    const result = await runProcess(argv, { ...options, timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ kind: "exited", exitCode: 0 });
  });

  it("still caps the output a daemon keeps writing after the exit", async () => {
    // \`yes\` dies of SIGPIPE once the pipe is closed.
    const argv = await daemonHelper("flood", `yes S3CRET &\nexit 0`);
    const result = await runProcess(argv, { ...options, maxOutputBytes: 64 * 1024 });
    expect(result).toEqual({ kind: "too-much-output" });
  });

  it("still answers a failed spawn and an abort", async () => {
    expect(await runProcess(["/nonexistent/credchain-helper"], options)).toMatchObject({ kind: "spawn-failed" });
    const controller = new AbortController();
    const pending = runProcess(["/bin/sh", "-c", "exec sleep 60"], { ...options, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ kind: "aborted" });
  });
});
