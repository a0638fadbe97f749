import { describe, expect, it } from "vitest";
import { describeReadError } from "../src/describe-read-error.js";

describe(describeReadError.name, () => {
  it.each([
    [{ code: "ENOENT" }, "does not exist"],
    [{ code: "ENOTDIR" }, "does not exist"],
    [{ code: "EISDIR" }, "is a directory"],
    [{ code: "ELOOP" }, "cannot be read (ELOOP)"],
    [{ code: "ENAMETOOLONG" }, "cannot be read (ENAMETOOLONG)"],
    [{ code: "ENOTREG", kind: "a FIFO" }, "is not a regular file (a FIFO)"],
    [{ code: "ENOTREG" }, "is not a regular file"],
    [{ code: "EFBIG", maxBytes: 16 * 1024 * 1024 }, "is over credchain's 16 MiB cap for this file (not read)"],
    [{ code: "EFBIG", maxBytes: 1000 }, "is over credchain's 1000 bytes cap for this file (not read)"],
    [{ code: "EFBIG" }, "is over credchain's cap for this file (not read)"],
    [{ code: "EACCES" }, "cannot be read (EACCES)"],
    [new Error("reader broke"), "cannot be read (reader broke)"],
    [null, "cannot be read (null)"],
    ["odd", "cannot be read (odd)"],
  ])("words %o as %j", (error, words) => {
    expect(describeReadError(error)).toBe(words);
  });
});
