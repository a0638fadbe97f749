import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { spawnAsync } from "./spawn-async.js";

describe(spawnAsync.name, () => {
  const opts = { env: { PATH: process.env.PATH ?? "" }, cwd: tmpdir(), timeoutMs: 10_000 };

  it("collects stdout, stderr and the exit code", async () => {
    const r = await spawnAsync(process.execPath, ["-e", "process.stdout.write('out'); process.stderr.write('err'); process.exitCode = 3"], opts);
    expect(r).toEqual({ status: 3, stdout: "out", stderr: "err" });
  });

  it("writes `input` to stdin and closes it; without input stdin is at end of file", async () => {
    const echo = ["-e", "let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => process.stdout.write(JSON.stringify(s)))"];
    expect((await spawnAsync(process.execPath, echo, { ...opts, input: "123456\n" })).stdout).toBe('"123456\\n"');
    expect((await spawnAsync(process.execPath, echo, opts)).stdout).toBe('""');
  });

  it("keeps the event loop free while the child runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    await spawnAsync(process.execPath, ["-e", "setTimeout(() => {}, 300)"], opts);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });

  it("kills a child that outlives the timeout, and reports a missing command", async () => {
    const slow = await spawnAsync(process.execPath, ["-e", "setTimeout(() => {}, 10000)"], { ...opts, timeoutMs: 200 });
    expect(slow.status).toBeNull();
    expect(slow.error?.message).toMatch(/timed out/);
    const missing = await spawnAsync("/no/such/command", [], opts);
    expect(missing.status).toBeNull();
    expect(missing.error).toBeDefined();
  });
});
