import { homedir } from "node:os";
import { describe, expect, it } from "vitest";
import { expandUser } from "../src/expand-path.js";
import { resolveLocalContext } from "../src/local-context.js";

describe(resolveLocalContext.name, () => {
  it("takes the home directory from HOME, else USERPROFILE, else the passwd entry", () => {
    expect(resolveLocalContext({ env: { HOME: "/home/me", USERPROFILE: "/u" } }).homedir).toBe("/home/me");
    expect(resolveLocalContext({ env: { USERPROFILE: "/u" } }).homedir).toBe("/u");
    expect(resolveLocalContext({ env: {} }).homedir).toBe(homedir());
    expect(resolveLocalContext({ env: {}, homedir: "/given" }).homedir).toBe("/given");
  });

  it('reads HOME="" as the root, as Python\'s expanduser does (never the passwd entry, never a relative path)', () => {
    for (const init of [{ env: { HOME: "" } }, { env: { HOME: "", USERPROFILE: "/u" } }, { env: {}, homedir: "" }]) {
      const { homedir: home } = resolveLocalContext(init);
      expect(home).toBe("/");
      // Python (HOME=""): expanduser("~/.aws/config") == "/.aws/config", expanduser("~") == "/".
      expect(expandUser("~/.aws/config", home)).toBe("/.aws/config");
      expect(expandUser("~", home)).toBe("/");
    }
  });
});
