import { writeFileAtomic } from "@credchain/core/writes";

/**
 * Writes a cache file (`~/.aws/sso/cache`, `~/.aws/login/cache`) as botocore's JSONFileCache
 * does: a temp file beside it, flushed, then renamed over it, so a concurrent `aws` never reads
 * half a file. Always mode 0600 (it holds a refresh token, and a client secret or a DPoP private
 * key); a missing directory is made 0700. The caller holds the file's lock, so no other credchain
 * writes it meanwhile. `stringify`: how the text is made (sign-in writes Python's `json.dumps` form).
 */
export async function writeJsonCache(path: string, doc: object, stringify: (doc: never) => string = JSON.stringify): Promise<void> {
  await writeFileAtomic(path, stringify(doc as never), { keepExistingMode: false });
}
