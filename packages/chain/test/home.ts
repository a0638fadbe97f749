import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(async () => {
  const { rm } = await import("node:fs/promises");
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** A temp HOME holding `files` (paths relative to it); removed after the test file. */
export async function homeWith(files: Record<string, string>): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "credchain-chain-"));
  made.push(home);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(home, path)), { recursive: true });
    await writeFile(join(home, path), content.replaceAll("{{HOME}}", home));
  }
  return home;
}

/** The environment of a test: the temp HOME, IMDS off (nothing may leave loopback), and `extra`. */
export function envFor(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { HOME: home, AWS_EC2_METADATA_DISABLED: "true", BOTO_CONFIG: join(home, "no-boto.cfg"), ...extra };
}

export const NODE = JSON.stringify(process.execPath);
