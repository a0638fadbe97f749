import { describe, expect, it } from "vitest";
import { MAIN_SPEC } from "../src/cli-spec.js";
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "../src/command-spec.js";
import { choice, parseCommandLine, UsageError } from "../src/parse-args.js";

describe(parseCommandLine.name, () => {
  it("reads a command, valued options in both spellings, and flags", () => {
    expect(parseCommandLine(["export", "--profile", "dev", "--format=json"])).toEqual({
      command: "export",
      subcommand: undefined,
      positionals: [],
      rest: undefined,
      options: { profile: "dev", format: "json" },
    });
    expect(parseCommandLine(["-h"]).options.help).toBe(true);
    expect(parseCommandLine(["--version"]).options.version).toBe(true);
    expect(parseCommandLine(["-v"]).options.version).toBe(true);
  });

  it("takes short options: -p, -f, -h, grouped and with the value attached", () => {
    expect(parseCommandLine(["export", "-p", "dev", "-f", "env"]).options).toEqual({ profile: "dev", format: "env" });
    expect(parseCommandLine(["export", "-pdev"]).options).toEqual({ profile: "dev" });
    expect(parseCommandLine(["export", "-hp", "dev"]).options).toEqual({ help: true, profile: "dev" });
  });

  it("takes options before the command too", () => {
    expect(parseCommandLine(["-p", "dev", "explain"])).toMatchObject({ command: "explain", options: { profile: "dev" } });
  });

  it("keeps an empty profile, which boto3 treats as a profile named ''", () => {
    expect(parseCommandLine(["export", "--profile="]).options.profile).toBe("");
    expect(parseCommandLine(["export", "--profile", ""]).options.profile).toBe("");
  });

  it("reads subcommands and the words after them", () => {
    expect(parseCommandLine(["configure", "set", "region", "x", "--profile", "p"])).toMatchObject({
      command: "configure",
      subcommand: "set",
      positionals: ["region", "x"],
      options: { profile: "p" },
    });
    expect(parseCommandLine(["sso", "login", "--no-browser", "--sso-session", "corp"])).toMatchObject({
      subcommand: "login",
      options: { "no-browser": true, "sso-session": "corp" },
    });
  });

  it("leaves everything after -- alone", () => {
    expect(parseCommandLine(["exec", "--profile", "p", "--", "aws", "--profile", "q", "--nope"])).toMatchObject({
      rest: ["aws", "--profile", "q", "--nope"],
      options: { profile: "p" },
    });
  });

  it.each([
    [["export", "--profile"], "--profile needs a value"],
    [["export", "-p"], "-p needs a value"],
    [["export", "--profile", "--format", "json"], '--profile needs a value (got the option --format; write --profile=--format if that is the value)'],
    [["export", "--nope"], "unknown option --nope"],
    [["export", "-x"], "unknown option -x"],
    [["export", "--profil", "x"], "unknown option --profil; did you mean --profile?"],
    [["export", "--frmat", "json"], "unknown option --frmat; did you mean --format?"],
    [["--help=yes"], "--help does not take a value"],
    [["export", "--format", "yaml"], '--format must be one of process, env, json (got "yaml")'],
    [["explain", "--format", "jsn"], '--format must be one of text, json (got "jsn"); did you mean json?'],
    [["exprot"], 'unknown command "exprot"; did you mean export?'],
    [["configure", "sett", "a", "b"], 'unknown configure subcommand "sett" (set, get, list, list-profiles); did you mean set?'],
  ])("refuses %j: %s", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new UsageError(message));
  });

  it("refuses an option the command does not take, naming the ones it does", () => {
    expect(() => parseCommandLine(["export", "--port", "1"])).toThrow(
      new UsageError("--port is not an option of credchain export (it takes --profile, --format, --help, --version)"),
    );
    expect(() => parseCommandLine(["sso", "logout", "--no-browser"])).toThrow(/--no-browser is not an option of credchain sso logout/);
    expect(() => parseCommandLine(["configure", "list-profiles", "-p", "x"])).toThrow(/-p is not an option of credchain configure list-profiles/);
    expect(() => parseCommandLine(["whoami", "--role-arn", "x"])).toThrow(/--role-arn is not an option of credchain whoami/);
    expect(() => parseCommandLine(["serve", "--profle", "x"])).toThrow(/unknown option --profle; did you mean --profile\?/);
  });

  it("gives every option one type and one short letter, so one tokenizer reads them all", () => {
    const byName = new Map<string, OptionSpec>();
    const shorts = new Map<string, string>();
    const walk = (spec: CommandSpec) => {
      for (const o of [...spec.options, ...GLOBAL_OPTIONS]) {
        const seen = byName.get(o.name);
        if (seen) expect([o.name, o.value === undefined, o.short]).toEqual([seen.name, seen.value === undefined, seen.short]);
        byName.set(o.name, o);
        if (o.short) {
          expect(shorts.get(o.short) ?? o.name, `-${o.short}`).toBe(o.name);
          shorts.set(o.short, o.name);
        }
      }
      spec.subcommands?.forEach(walk);
    };
    walk(MAIN_SPEC);
    expect([...shorts.keys()].sort()).toEqual(["f", "h", "p", "v"]);
  });
});

describe(choice.name, () => {
  it("checks a choice and gives the default", () => {
    expect(choice({}, "format", ["a", "b"], "a")).toBe("a");
    expect(choice({ format: "b" }, "format", ["a", "b"], "a")).toBe("b");
    expect(() => choice({ format: "c" }, "format", ["a", "b"], "a")).toThrow('--format must be one of a, b (got "c")');
  });
});
