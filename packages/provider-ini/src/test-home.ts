import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

// Temp directories made here are removed when the file's tests end.
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

export const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
export const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKENSECRET";

/** A throwaway HOME with files at paths relative to it (`.aws/config`, …). */
export interface TestHome {
  dir: string;
  write(files: Record<string, string | Buffer>): Promise<void>;
  remove(): Promise<void>;
}

export async function makeHome(): Promise<TestHome> {
  const dir = await mkdtemp(join(tmpdir(), "credchain-ini-"));
  temps.push(dir);
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
