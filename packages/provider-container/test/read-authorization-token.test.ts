import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthorizationToken } from "../src/read-authorization-token.js";

const SECRET = "Bearer s3cr3t-token-value";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-container-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const ctx = (env: Record<string, string>) => ({ env, readFile: (p: string) => readFile(p, "utf8") });

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected a rejection");
}

describe(readAuthorizationToken.name, () => {
  it("reads the token file with the context's reader, capped at 1 MiB", async () => {
    const file = join(dir, "capped");
    const asked: Array<[string, number | undefined]> = [];
    const readFile = async (p: string, o?: { maxBytes?: number }) => (asked.push([p, o?.maxBytes]), "Bearer t");
    expect(await readAuthorizationToken({ env: { AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file }, readFile })).toBe("Bearer t");
    expect(asked).toEqual([[file, 1024 * 1024]]);
  });

  it("is undefined when no token is configured", async () => {
    expect(await readAuthorizationToken(ctx({}))).toBeUndefined();
  });

  it("reads AWS_CONTAINER_AUTHORIZATION_TOKEN", async () => {
    expect(await readAuthorizationToken(ctx({ AWS_CONTAINER_AUTHORIZATION_TOKEN: SECRET }))).toBe(SECRET);
  });

  it("prefers the token file and re-reads it every time", async () => {
    const file = join(dir, "token");
    await writeFile(file, "first");
    const env = { AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file, AWS_CONTAINER_AUTHORIZATION_TOKEN: "ignored" };
    expect(await readAuthorizationToken(ctx(env))).toBe("first");
    await writeFile(file, "second");
    expect(await readAuthorizationToken(ctx(env))).toBe("second");
  });

  it.each([["CR", `${SECRET}\r`], ["LF", `${SECRET}\nx`], ["NUL", `${SECRET}\0`]])("refuses a token with %s (InvalidConfig)", async (_, token) => {
    const error = await failure(readAuthorizationToken(ctx({ AWS_CONTAINER_AUTHORIZATION_TOKEN: token })));
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_CONTAINER_AUTHORIZATION_TOKEN", source: "container-role" });
    expect(error.message).toContain("not a legal header value");
    expect(error.message).not.toContain("s3cr3t");
  });

  it("refuses a token file ending in a newline, as botocore does", async () => {
    const file = join(dir, "token-nl");
    await writeFile(file, `${SECRET}\n`);
    const error = await failure(readAuthorizationToken(ctx({ AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file })));
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file });
    expect(error.message).toContain(file);
    expect(error.message).not.toContain("s3cr3t");
  });

  it("fails with CredentialRetrieval naming the file when it cannot be read", async () => {
    const file = join(dir, "missing");
    const error = await failure(readAuthorizationToken(ctx({ AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file, AWS_CONTAINER_AUTHORIZATION_TOKEN: SECRET })));
    expect(error).toMatchObject({ code: "CredentialRetrieval", file, key: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE" });
    expect(error.message).toMatch(/cannot read the token file .*missing \(AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE\): it does not exist$/);
    expect(error.message).not.toContain("s3cr3t");
  });
});
