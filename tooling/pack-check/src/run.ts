import { execFile } from "node:child_process";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion (no shell), with a hard timeout; never throws for a non-zero exit.
 *
 * @example
 * ```ts
 * const { code, stdout } = await run("npm", ["--version"], { cwd: dir });
 * ```
 */
export function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 32 << 20, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: error && code === 1 && !stderr ? String(error.message) : stderr });
      },
    );
  });
}

/**
 * `process.env` without what a package manager's script runner adds (`npm_config_*` from pnpm
 * would reach npm as unknown settings), plus `extra`.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm|pnpm)_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/** Runs a command and throws, with its output, unless it exits 0. */
export async function runOk(file: string, args: string[], options: Parameters<typeof run>[2]): Promise<string> {
  const result = await run(file, args, options);
  if (result.code !== 0) throw new Error(`${file} ${args.join(" ")} exited ${result.code}\n${result.stderr}\n${result.stdout}`.trim());
  return result.stdout;
}
