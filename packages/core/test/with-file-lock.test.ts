import { spawn, spawnSync } from "node:child_process";
import { lutimes, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CredchainError } from "../src/errors.js";
import { withFileLock } from "../src/with-file-lock.js";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), "credchain-lock-"));
  temps.push(dir);
  return dir;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock file as another process would leave it. */
const plant = (file: string, owner: { pid: number; hostname?: string }) =>
  writeFile(`${file}.lock`, JSON.stringify({ hostname: hostname(), createdAt: "2026-01-01T00:00:00.000Z", id: "planted", ...owner }));

/** The pid of a process that has exited. */
const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

async function lockFailure(p: Promise<unknown>): Promise<CredchainError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  if (!CredchainError.isInstance(error)) throw new Error(`expected a CredchainError, got ${String(error)}`);
  return error;
}

describe(withFileLock.name, () => {
  it("runs one holder at a time: 25 read-modify-writes of one counter all count, and the lock is gone after", async () => {
    const dir = await tempDir();
    const file = join(dir, "counter");
    await writeFile(file, "0");
    await Promise.all(
      Array.from({ length: 25 }, () =>
        withFileLock(file, async () => {
          const n = Number(await readFile(file, "utf8"));
          await sleep(Math.random() * 3);
          await writeFile(file, String(n + 1));
        }),
      ),
    );
    expect(await readFile(file, "utf8")).toBe("25");
    expect(await readdir(dir)).toEqual(["counter"]);
  });

  it("many waiters breaking one dead owner's lock at once still take it one at a time", async () => {
    const dir = await tempDir();
    const file = join(dir, "counter");
    await writeFile(file, "0");
    const dead = deadPid();
    for (let round = 0; round < 5; round++) {
      await plant(file, { pid: dead });
      await Promise.all(
        Array.from({ length: 20 }, () =>
          withFileLock(file, async () => {
            const n = Number(await readFile(file, "utf8"));
            await sleep(Math.random() * 3);
            await writeFile(file, String(n + 1));
          }),
        ),
      );
    }
    expect(await readFile(file, "utf8")).toBe("100");
    expect(await readdir(dir)).toEqual(["counter"]);
  });

  it("holds a lock naming its pid, host and start time beside the real target of a symlink", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "dotfiles"));
    await symlink(join(dir, "dotfiles", "credentials"), join(dir, "credentials"));
    const seen = await withFileLock(join(dir, "credentials"), async () => ({
      here: await readdir(dir),
      there: await readdir(join(dir, "dotfiles")),
      owner: JSON.parse(await readFile(join(dir, "dotfiles", "credentials.lock"), "utf8")) as Record<string, unknown>,
    }));
    expect(seen.here).toEqual(["credentials", "dotfiles"]);
    expect(seen.there).toEqual(["credentials.lock"]);
    expect(seen.owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Date.now() - Date.parse(seen.owner.createdAt as string)).toBeLessThan(10_000);
    expect(await readdir(join(dir, "dotfiles"))).toEqual([]);
  });

  it("removes the lock when the work fails, and passes the error on", async () => {
    const dir = await tempDir();
    await expect(withFileLock(join(dir, "f"), () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await readdir(dir)).toEqual([]);
  });

  it("breaks at once a lock whose owner on this host is gone", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await plant(file, { pid: deadPid() });
    const t = performance.now();
    expect(await withFileLock(file, async () => "mine", { staleMs: 60_000 })).toBe("mine");
    expect(performance.now() - t).toBeLessThan(2000);
    expect(await readdir(dir)).toEqual([]);
  });

  it("leaves breaking to the breaker holding the guard; a guard left by a crashed breaker goes once stale", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await plant(file, { pid: deadPid() });
    await writeFile(`${file}.lock.break`, "");
    expect((await lockFailure(withFileLock(file, async () => {}, { waitMs: 200, staleMs: 5000 }))).code).toBe("LockTimeout");
    const old = new Date(Date.now() - 6000);
    await utimes(`${file}.lock.break`, old, old);
    expect(await withFileLock(file, async () => "mine", { waitMs: 1000, staleMs: 5000 })).toBe("mine");
    expect(await readdir(dir)).toEqual([]);
  });

  it("waits for a live owner, then fails with LockTimeout naming the file, the lock and its owner", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await plant(file, { pid: child.pid! });
      const t = performance.now();
      const e = await lockFailure(withFileLock(file, async () => "mine", { waitMs: 300 }));
      expect(performance.now() - t).toBeGreaterThanOrEqual(290);
      expect(e.code).toBe("LockTimeout");
      expect(e.file).toBe(file);
      expect(e.message).toContain(`Could not lock ${file} within 300 ms: ${file}.lock is held by pid ${child.pid} on ${hostname()}`);
      expect(e.message).toContain(`delete ${file}.lock`);
      // Its owner gone, the same lock is broken.
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      expect(await withFileLock(file, async () => "mine", { waitMs: 300 })).toBe("mine");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes the lock as soon as a live owner releases it", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await plant(file, { pid: process.pid });
    setTimeout(() => void rm(`${file}.lock`), 150);
    const t = performance.now();
    await withFileLock(file, async () => {}, { waitMs: 5000 });
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it("another host's lock, or an empty one (its owner died making it), is broken only once untouched for staleMs", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await plant(file, { pid: 1, hostname: "elsewhere.example" });
    expect((await lockFailure(withFileLock(file, async () => {}, { waitMs: 200, staleMs: 5000 }))).message).toContain("by pid 1 on elsewhere.example");
    const old = new Date(Date.now() - 6000);
    await utimes(`${file}.lock`, old, old);
    await withFileLock(file, async () => {}, { waitMs: 200, staleMs: 5000 });

    await writeFile(`${file}.lock`, "");
    expect((await lockFailure(withFileLock(file, async () => {}, { waitMs: 200, staleMs: 5000 }))).message).toContain(`${file}.lock is held.`);
    await utimes(`${file}.lock`, old, old);
    await withFileLock(file, async () => {}, { waitMs: 200, staleMs: 5000 });
    expect(await readdir(dir)).toEqual([]);
  });

  it("a lock path that is a dangling symlink is broken once stale; a directory there ends in LockTimeout, not a spin", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await symlink(join(dir, "nowhere"), `${file}.lock`);
    const old = new Date(Date.now() - 6000);
    await lutimes(`${file}.lock`, old, old);
    await withFileLock(file, async () => {}, { waitMs: 500, staleMs: 5000 });
    await mkdir(`${file}.lock`);
    await lutimes(`${file}.lock`, old, old);
    const cpu = process.cpuUsage();
    const e = await lockFailure(withFileLock(file, async () => {}, { waitMs: 400, staleMs: 5000 }));
    expect(e.code).toBe("LockTimeout");
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(300);
    expect((await readdir(dir)).sort()).toEqual(["f.lock"]);
  });

  it("a holder that works longer than staleMs keeps touching its lock, so waiters do not take it for dead", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    const order: string[] = [];
    const slow = withFileLock(
      file,
      async () => {
        order.push("slow in");
        await sleep(450);
        order.push("slow out");
      },
      { staleMs: 100 },
    );
    await sleep(30);
    const first = (await stat(`${file}.lock`)).mtimeMs;
    await sleep(300);
    expect((await stat(`${file}.lock`)).mtimeMs).toBeGreaterThan(first + 150);
    await withFileLock(file, async () => void order.push("next"), { staleMs: 100 });
    await slow;
    expect(order).toEqual(["slow in", "slow out", "next"]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("stops waiting when the signal aborts", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await plant(file, { pid: process.pid });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 100);
    await expect(withFileLock(file, async () => {}, { signal: controller.signal })).rejects.toThrow("stop");
  });

  it("keeps real processes out of each other's read-modify-write", async () => {
    const dir = await tempDir();
    const file = join(dir, "counter");
    await writeFile(file, "0");
    const core = fileURLToPath(new URL("../dist/writes.js", import.meta.url));
    const script = `
      const { withFileLock } = await import(${JSON.stringify(core)});
      const fs = await import("node:fs/promises");
      for (let i = 0; i < 10; i++) {
        await withFileLock(process.argv[1], async () => {
          const n = Number(await fs.readFile(process.argv[1], "utf8"));
          await new Promise((r) => setTimeout(r, Math.random() * 2));
          await fs.writeFile(process.argv[1], String(n + 1));
        });
      }`;
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ["--input-type=module", "-e", script, file], { stdio: "inherit" });
          child.on("exit", resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await readFile(file, "utf8")).toBe("60");
  });
});
