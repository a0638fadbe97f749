import { describe, expect, it } from "vitest";
import { describeReadError } from "./describe-read-error.js";

describe(describeReadError.name, () => {
  it.each([
    [{ code: "ENOENT" }, "does not exist"],
    [{ code: "ENOTDIR" }, "does not exist (a parent in its path is not a directory)"],
    [{ code: "EISDIR" }, "is a directory"],
    [{ code: "ELOOP" }, "is a symlink loop"],
    [{ code: "ENAMETOOLONG" }, "has a name too long to open"],
    [{ code: "ENOTREG", kind: "a FIFO" }, "is not a regular file (a FIFO)"],
    [{ code: "ENOTREG" }, "is not a regular file"],
    [{ code: "EFBIG", maxBytes: 16 * 1024 * 1024 }, "is larger than 16 MiB (credchain's cap for this file; not read)"],
    [{ code: "EFBIG", maxBytes: 1000 }, "is larger than 1000 bytes (credchain's cap for this file; not read)"],
    [{ code: "EFBIG" }, "is larger than credchain's cap for this file (not read)"],
    [{ code: "EACCES" }, "cannot be read (EACCES)"],
    [new Error("reader broke"), "cannot be read (reader broke)"],
    [null, "cannot be read (null)"],
  ])("words %o as %j", (error, words) => {
    expect(describeReadError(error)).toBe(words);
  });
});
