import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary HOME with ~/.aws/sso/cache; removed by `cleanup()`. */
export async function makeSsoHome(): Promise<{ home: string; cacheDir: string; cleanup: () => Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), "credchain-sso-"));
  const cacheDir = join(home, ".aws", "sso", "cache");
  await mkdir(cacheDir, { recursive: true });
  return { home, cacheDir, cleanup: () => rm(home, { recursive: true, force: true }) };
}

export function sha1(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

/** Writes a cache file named as the AWS CLI does (or raw text when `token` is a string). */
export async function writeCache(cacheDir: string, key: string, token: unknown): Promise<string> {
  const file = join(cacheDir, `${sha1(key)}.json`);
  await writeFile(file, typeof token === "string" ? token : JSON.stringify(token), { mode: 0o644 });
  return file;
}

/** `2026-11-22T12:00:00Z` */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
