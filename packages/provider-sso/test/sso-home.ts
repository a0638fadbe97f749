import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempHome } from "@credchain/test-utils";

/** A temporary HOME with an empty cache folder (`.aws/sso/cache`, `.aws/login/cache`); removed by `cleanup()`. */
export async function makeCacheHome(cache: "sso" | "login"): Promise<{ home: string; cacheDir: string; cleanup: () => Promise<void> }> {
  const home = await makeTempHome(`credchain-${cache}-`);
  const cacheDir = join(home.dir, ".aws", cache, "cache");
  await mkdir(cacheDir, { recursive: true });
  return { home: home.dir, cacheDir, cleanup: home.remove };
}

/** A temporary HOME with ~/.aws/sso/cache; removed by `cleanup()`. */
export const makeSsoHome = () => makeCacheHome("sso");

export function sha1(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

/** Writes `<cacheDir>/<name>.json` as the AWS CLI does, mode 0644 (raw text when `token` is a string). */
export async function writeCacheFile(cacheDir: string, name: string, token: unknown): Promise<string> {
  const file = join(cacheDir, `${name}.json`);
  await writeFile(file, typeof token === "string" ? token : JSON.stringify(token), { mode: 0o644 });
  return file;
}

/** Writes a cache file named as the AWS CLI does (or raw text when `token` is a string). */
export const writeCache = (cacheDir: string, key: string, token: unknown): Promise<string> => writeCacheFile(cacheDir, sha1(key), token);

/** `2026-11-22T12:00:00Z` */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
