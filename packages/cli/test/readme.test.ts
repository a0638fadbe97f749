import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAIN_SPEC } from "../src/cli-spec.js";
import { GLOBAL_OPTIONS, type CommandSpec } from "../src/command-spec.js";
import { helpText } from "../src/help-text.js";
import { main } from "../src/main.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
/** The README without its code blocks: what it documents, not what an example happens to type. */
const PROSE = README.replace(/```[\s\S]*?```/g, "");
const options = (text: string) => new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]));

/** Every spec, subcommands included. */
const ALL: CommandSpec[] = [];
const walk = (spec: CommandSpec) => {
  ALL.push(spec);
  spec.subcommands?.forEach(walk);
};
walk(MAIN_SPEC);
const SPEC_OPTIONS = new Set([...ALL.flatMap((s) => s.options), ...GLOBAL_OPTIONS].filter((o) => !o.hidden).map((o) => o.name));

async function run(argv: string[]): Promise<number> {
  return main(argv, { stdout: () => {}, stderr: () => {}, env: {} });
}

describe("the README", () => {
  it("documents every command the CLI has, and each runs (its --help)", async () => {
    const commands = MAIN_SPEC.subcommands!.map((c) => c.name).filter((c) => c !== "help");
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const command of commands) {
      expect(README, command).toMatch(new RegExp(`^### .*\`credchain ${command}[\` ]`, "m"));
      expect(await run([command, "--help"]), command).toBe(0);
    }
  });

  it("documents exactly the options the CLI parses, as its --help does", () => {
    expect([...options(PROSE)].sort()).toEqual([...SPEC_OPTIONS].sort());
    const help = ALL.map((s) => helpText(s)).join("\n");
    expect([...options(help)].sort()).toEqual([...SPEC_OPTIONS].sort());
  });

  it("names in each usage line only options the command takes", () => {
    for (const spec of ALL.filter((s) => s !== MAIN_SPEC && !s.subcommands)) {
      const own = new Set(spec.options.map((o) => o.name));
      expect([...options(spec.usage.join(" "))].filter((o) => !own.has(o!)), spec.name).toEqual([]);
    }
  });
});
