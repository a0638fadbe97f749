import { tempHomes } from "@credchain/test-utils";
import { main } from "../src/main.js";

const homes = tempHomes("credchain-cli-");

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

/** A temp HOME with files (removed after the test file); the environment for it keeps IMDS off and /etc/boto.cfg out. */
export async function home(files: Record<string, string>, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return (await homes(files)).env(extra);
}
