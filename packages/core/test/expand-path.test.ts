import { describe, expect, it } from "vitest";
import { expandPath, expandUser, expandVars } from "../src/expand-path.js";

describe(expandPath.name, () => {
  const env = { HOME: "/home/u", DIR: "/data", EMPTY: "" };

  it("expands variables as os.path.expandvars", () => {
    expect(expandVars("$DIR/creds", env)).toBe("/data/creds");
    expect(expandVars("${DIR}/creds", env)).toBe("/data/creds");
    expect(expandVars("$NOPE/creds", env)).toBe("$NOPE/creds");
    expect(expandVars("a$EMPTY/b", env)).toBe("a/b");
  });

  it("expands ~ as os.path.expanduser", () => {
    expect(expandUser("~/.aws/config", "/home/u/")).toBe("/home/u/.aws/config");
    expect(expandUser("~", "/home/u")).toBe("/home/u");
    expect(expandUser("~other/x", "/home/u")).toBe("~other/x");
    expect(expandUser("/abs/~", "/home/u")).toBe("/abs/~");
    expect(expandUser("~", "/")).toBe("/");
  });

  it("expands variables, then the home directory", () => {
    expect(expandPath("$P/config", { P: "~" }, "/home/u")).toBe("/home/u/config");
  });
});
