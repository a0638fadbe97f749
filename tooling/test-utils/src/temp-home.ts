import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway HOME with files at paths relative to it (`.aws/config`, …). */
export interface TempHome {
  dir: string;
  write(files: Record<string, string | Buffer>): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A new empty directory under the OS temp dir, to write files into and remove after the test.
 *
 * @example
 * ```ts
 * const home = await makeTempHome("credchain-ini-");
 * await home.write({ ".aws/config": "[default]\nregion = eu-west-1\n" });
 * afterAll(() => home.remove());
 * ```
 */
export async function makeTempHome(prefix: string): Promise<TempHome> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    dir,
    async write(files) {
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
