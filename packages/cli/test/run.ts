import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { main } from "../src/main.js";

// Temp directories made here are removed when the file's tests end.
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with its own environment. */
export async function run(argv: string[], env: Record<string, string>): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env });
  return { code, stdout, stderr };
}

/** A temp HOME with files; the environment for it keeps IMDS off and /etc/boto.cfg out. */
export async function home(files: Record<string, string>, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), "credchain-cli-"));
  temps.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return { HOME: dir, AWS_EC2_METADATA_DISABLED: "true", BOTO_CONFIG: join(dir, "none.cfg"), ...extra };
}
