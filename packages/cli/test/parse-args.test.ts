import { describe, expect, it } from "vitest";
import { choice, parseArgs, UsageError } from "../src/parse-args.js";

describe("parseArgs", () => {
  it("reads a command, valued options in both spellings, and flags", () => {
    expect(parseArgs(["export", "--profile", "dev", "--format=json"])).toEqual({
      command: "export",
      positionals: [],
      rest: undefined,
      options: { profile: "dev", format: "json" },
    });
    expect(parseArgs(["-h"]).options.help).toBe(true);
    expect(parseArgs(["--version"]).options.version).toBe(true);
  });

  it("keeps an empty profile, which boto3 treats as a profile named ''", () => {
    expect(parseArgs(["export", "--profile="]).options.profile).toBe("");
  });

  it.each([
    [["export", "--profile"], "--profile needs a value"],
    [["export", "--nope"], "unknown option --nope"],
    [["export", "-x"], "unknown option -x"],
    [["--help=yes"], "unknown option --help=yes"],
  ])("rejects %o", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });

  it("collects words after the command, and everything after --", () => {
    expect(parseArgs(["configure", "set", "region", "x", "--profile", "p"])).toMatchObject({ command: "configure", positionals: ["set", "region", "x"] });
    expect(parseArgs(["exec", "--profile", "p", "--", "aws", "--profile", "q"])).toMatchObject({ rest: ["aws", "--profile", "q"], options: { profile: "p" } });
  });

  it("checks a choice", () => {
    expect(choice({}, "format", ["a", "b"], "a")).toBe("a");
    expect(choice({ format: "b" }, "format", ["a", "b"], "a")).toBe("b");
    expect(() => choice({ format: "c" }, "format", ["a", "b"], "a")).toThrow('--format must be one of a, b (got "c")');
  });
});
