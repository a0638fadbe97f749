import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { writeSection } from "./write-section.js";

describe(writeSection.name, () => {
  it("replaces only the marked section, and fails on a file without it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "size-md-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "B.md");
    await writeFile(file, "# T\n<!-- bench:start -->\nold\n<!-- bench:end -->\ntail\n");
    await writeSection(file, "bench", "new table");
    expect(await readFile(file, "utf8")).toBe("# T\n<!-- bench:start -->\nnew table\n<!-- bench:end -->\ntail\n");
    await expect(writeSection(file, "size", "x")).rejects.toThrow(/no <!-- size:start -->/);
  });
});
