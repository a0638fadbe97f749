import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveContext, type Logger } from "../src/context.js";
import { CredchainError } from "../src/errors.js";
import { isNotAFile, loadConfigFile } from "../src/load-config-file.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

describe(loadConfigFile.name, () => {
  let home: string;
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, warn: (m) => warnings.push(m) };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), "credchain-load-config-"));
    await mkdir(join(home, ".aws"));
    await mkdir(join(home, "dir"));
    await writeFile(join(home, ".aws", "config"), "[profile dev]\nregion = eu-west-1\n");
    await writeFile(join(home, "broken"), `[a]\naws_secret_access_key = ${SECRET}\n${SECRET}\n`);
    // 0xFF is never valid UTF-8: Python's decoder raises, Node's decodes it to U+FFFD.
    await writeFile(join(home, "latin1"), Buffer.from("[a]\nk = caf\xe9\n", "latin1"));
    // Not @credchain/test-utils' makeBadPaths: that package depends on core.
    execFileSync("mkfifo", [join(home, "fifo")]);
    await symlink(join(home, "nowhere"), join(home, "dangling"));
    await writeFile(join(home, "huge"), "");
    await truncate(join(home, "huge"), 16 * 1024 * 1024 + 1); // sparse, one byte over the cap
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  const ctx = (env: Record<string, string> = {}) => resolveContext({ env, homedir: home, logger });

  it("expands ~ and reads the file", async () => {
    const loaded = await loadConfigFile("~/.aws/config", ctx());
    expect(loaded).toMatchObject({ path: join(home, ".aws", "config"), exists: true });
    expect(loaded.sections["profile dev"]).toEqual({ region: "eu-west-1" });
  });

  it("expands $VARS before ~, as botocore", async () => {
    const loaded = await loadConfigFile("$AWS_DIR/config", ctx({ AWS_DIR: "~/.aws" }));
    expect(loaded.path).toBe(join(home, ".aws", "config"));
    expect(loaded.exists).toBe(true);
  });

  it("reads a missing file, a directory and an empty path as empty (botocore: ConfigNotFound), saying why", async () => {
    const cases = [
      [join(home, "nope"), "does not exist"],
      [join(home, "dangling"), "does not exist"],
      [join(home, "dir"), "is a directory"],
      [join(home, "broken", "below-a-file"), "does not exist"],
      ["", "does not exist"],
    ];
    for (const [path, absentReason] of cases) {
      const loaded = await loadConfigFile(path as string, ctx());
      expect(loaded, path).toEqual({ path, exists: false, absentReason, sections: {} });
    }
  });

  it("reads a FIFO and /dev/zero as absent (os.path.isfile is false), at once and without reading them", async () => {
    const started = Date.now();
    expect(await loadConfigFile(join(home, "fifo"), ctx())).toEqual({
      path: join(home, "fifo"),
      exists: false,
      absentReason: "is not a regular file (a FIFO)",
      sections: {},
    });
    expect(await loadConfigFile("/dev/zero", ctx())).toEqual({
      path: "/dev/zero",
      exists: false,
      absentReason: "is not a regular file (a device)",
      sections: {},
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("throws ConfigParse naming the file and the 16 MiB cap for a larger file, without reading it", async () => {
    const asked: Array<number | undefined> = [];
    const readFile = (p: string, o?: { maxBytes?: number }) => (asked.push(o?.maxBytes), resolveContext().readFile(p, o));
    const error = await loadConfigFile("~/huge", { ...ctx(), readFile }).catch((e: unknown) => e);
    expect(asked).toEqual([16 * 1024 * 1024]);
    expect(CredchainError.isInstance(error) && error.code).toBe("ConfigParse");
    expect(error).toMatchObject({ file: join(home, "huge") });
    expect((error as Error).message).toBe(`Unable to parse config file ${join(home, "huge")}: the file is over credchain's 16 MiB cap for this file (not read)`);
  });

  it("reads an unreadable file as empty with a warning (RawConfigParser.read skips it)", async () => {
    warnings.length = 0;
    const readFile = async (p: string) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: "EACCES" });
    };
    const loaded = await loadConfigFile("/x/credentials", { ...ctx(), readFile });
    expect(loaded).toEqual({ path: "/x/credentials", exists: true, sections: {}, readError: "EACCES" });
    expect(warnings).toEqual([expect.stringContaining("/x/credentials exists but cannot be read (EACCES)")]);
  });

  it("throws ConfigParse naming the expanded file and line, without the secret", async () => {
    const error = await loadConfigFile("~/broken", ctx()).catch((e: unknown) => e);
    expect(CredchainError.isInstance(error)).toBe(true);
    const err = error as CredchainError;
    expect(err.code).toBe("ConfigParse");
    expect(err.file).toBe(join(home, "broken"));
    expect(err.message).toContain(`${join(home, "broken")}: line 3`);
    expect(err.message).not.toContain(SECRET);
  });

  it("rejects a file that is not UTF-8, as botocore does", async () => {
    await expect(loadConfigFile(join(home, "latin1"), ctx())).rejects.toThrow(/line 2: the file is not valid UTF-8/);
  });

  it("passes subsections through", async () => {
    await writeFile(join(home, "sub"), "[a]\ns3 =\n  x = 1\n");
    expect((await loadConfigFile(join(home, "sub"), ctx(), { subsections: false })).sections.a).toEqual({ s3: "\nx = 1" });
  });
});

describe("isNotAFile", () => {
  it("is true where Python's os.path.isfile is false, and false for other errors", () => {
    for (const code of ["ENOENT", "ENOTDIR", "EISDIR", "ELOOP", "ENAMETOOLONG", "ENOTREG"]) expect(isNotAFile({ code })).toBe(true);
    for (const error of [{ code: "EACCES" }, { code: "EFBIG" }, new Error("x"), null, undefined]) expect(isNotAFile(error)).toBe(false);
  });
});
