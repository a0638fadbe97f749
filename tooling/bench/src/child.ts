import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tempDir } from "./temp-dirs.js";

let home: string | undefined;
/** An empty HOME, so neither library finds the developer's ~/.aws (made again after removeTempDirs). */
const emptyHome = () => (home !== undefined && existsSync(home) ? home : (home = tempDir("credchain-bench-home-")));

/** A clean environment: PATH, an empty HOME, and the scenario's variables; never the caller's AWS_*. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: emptyHome(), ...extra };
}

/** A compiled script in dist/ (also from the sources under vitest: the scripts run as plain node). */
export const distFile = (name: string) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
const cwd = fileURLToPath(new URL("..", import.meta.url));

/** Wall time of one process launch, in ms; throws when the process fails. */
export function timeLaunch(args: string[], env: Record<string, string>): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, cwd, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

/** Runs `node dist/worker.js <scenario> <lib> <json>` and returns the JSON it prints last. */
export function runWorker<T>(scenario: string, lib: string, args: unknown, env: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distFile("worker.js"), scenario, lib, JSON.stringify(args ?? {})], { env, cwd });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`worker ${scenario}/${lib} exited ${code}: ${err.slice(0, 800)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`worker ${scenario}/${lib} printed no JSON: ${out.slice(0, 300)} ${err.slice(0, 300)}`));
      }
    });
  });
}
