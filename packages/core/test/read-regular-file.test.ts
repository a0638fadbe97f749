import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegularFile } from "../src/read-regular-file.js";

// What a read threw (readRegularFile is synchronous), or "returned".
const thrown = (read: () => unknown): NodeJS.ErrnoException | "returned" => {
  try {
    read();
    return "returned";
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
};
const code = (read: () => unknown) => {
  const e = thrown(read);
  return e === "returned" ? e : e.code;
};

describe(readRegularFile.name, () => {
  // Not @credchain/test-utils' temp home: that package depends on core.
  let dir: string;
  const at = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "credchain-read-regular-"));
    await writeFile(at("config"), "[default]\nregion = eu-west-1\n");
    await writeFile(at("exact"), "x".repeat(64));
    execFileSync("mkfifo", [at("fifo")]);
    await mkdir(at("dir"));
    await symlink(at("missing"), at("dangling"));
    await symlink(at("config"), at("link-to-config"));
    await symlink(at("loop-a"), at("loop-b"));
    await symlink(at("loop-b"), at("loop-a"));
    await writeFile(at("big"), "");
    await truncate(at("big"), 17 * 1024 * 1024); // sparse: over the 16 MiB default cap
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads a regular file, and one through a symlink", async () => {
    expect(readRegularFile(at("config"))).toBe("[default]\nregion = eu-west-1\n");
    expect(readRegularFile(at("link-to-config"))).toBe("[default]\nregion = eu-west-1\n");
  });

  it("refuses a FIFO with no writer at once, without blocking (ENOTREG)", async () => {
    const started = Date.now();
    expect(code(() => readRegularFile(at("fifo")))).toBe("ENOTREG");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("says what a non-regular file is, for messages", async () => {
    expect(thrown(() => readRegularFile(at("fifo")))).toMatchObject({ code: "ENOTREG", kind: "a FIFO" });
    expect(thrown(() => readRegularFile("/dev/zero"))).toMatchObject({ code: "ENOTREG", kind: "a device" });
  });

  it("refuses /dev/zero without reading it (ENOTREG), and a directory (EISDIR)", async () => {
    expect(code(() => readRegularFile("/dev/zero"))).toBe("ENOTREG");
    expect(code(() => readRegularFile(at("dir")))).toBe("EISDIR");
  });

  it("passes on the open's own error: a dangling symlink, a symlink loop, a missing parent", async () => {
    expect(code(() => readRegularFile(at("dangling")))).toBe("ENOENT");
    expect(code(() => readRegularFile(at("loop-a")))).toBe("ELOOP");
    expect(code(() => readRegularFile(at("config/below")))).toBe("ENOTDIR");
  });

  it("refuses a file over the cap (EFBIG) naming the cap, and reads one exactly at it", async () => {
    const error = thrown(() => readRegularFile(at("big")));
    expect(error).toMatchObject({ code: "EFBIG", maxBytes: 16 * 1024 * 1024, message: expect.stringContaining(`larger than ${16 * 1024 * 1024} bytes`) });
    expect(code(() => readRegularFile(at("exact"), { maxBytes: 63 }))).toBe("EFBIG");
    expect(readRegularFile(at("exact"), { maxBytes: 64 })).toHaveLength(64);
  });

  it("reads a file whose size fstat does not know (procfs), up to the cap", async () => {
    expect(readRegularFile("/proc/self/status")).toMatch(/^Name:/);
    expect(code(() => readRegularFile("/proc/self/status", { maxBytes: 10 }))).toBe("EFBIG");
  });

  it("keeps invalid UTF-8 as U+FFFD and a BOM as U+FEFF, as the parser expects", async () => {
    await writeFile(at("latin1"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await writeFile(at("bom"), "\ufeff[a]\n");
    expect(readRegularFile(at("latin1"))).toBe("caf\ufffd");
    expect(readRegularFile(at("bom"))).toBe("\ufeff[a]\n");
  });
});
