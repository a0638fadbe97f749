import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { CredchainError } from "@credchain/core";

export const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

/** A throwaway HOME with files at paths relative to it (`.boto`, `ec2.creds`, …). */
export interface TestHome {
  dir: string;
  write(files: Record<string, string | Buffer>): Promise<void>;
  remove(): Promise<void>;
}

export async function makeHome(): Promise<TestHome> {
  const dir = await mkdtemp(join(tmpdir(), "credchain-boto-"));
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

/** The CredchainError a provider call rejects with (fails the test on anything else). */
export async function rejection(promise: Promise<unknown>): Promise<CredchainError> {
  try {
    await promise;
  } catch (error) {
    if (CredchainError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected the provider to reject");
}
