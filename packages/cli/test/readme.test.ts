import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as HELP from "../src/help.js";
import { main } from "../src/main.js";
import { FLAGS, VALUED } from "../src/parse-args.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
/** The README without its code blocks: what it documents, not what an example happens to type. */
const PROSE = README.replace(/```[\s\S]*?```/g, "");
const HELP_TEXT = Object.values(HELP).join("\n");
const options = (text: string) => new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]));

/** The commands `credchain --help` lists. */
const COMMANDS = [...(/^Commands:\n([\s\S]*?)\n\n/m.exec(HELP.MAIN_HELP)?.[1] ?? "").matchAll(/^ {2}([a-z-]+) /gm)]
  .map((m) => m[1] as string)
  .filter((c) => c !== "help");

async function run(argv: string[]): Promise<number> {
  return main(argv, { stdout: () => {}, stderr: () => {}, env: {} });
}

describe("the README", () => {
  it("documents every command the CLI has, and each runs (its --help)", async () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(8);
    for (const command of COMMANDS) {
      expect(README, command).toMatch(new RegExp(`^### .*\`credchain ${command}[\` ]`, "m"));
      expect(await run([command, "--help"]), command).toBe(0);
    }
  });

  it("documents exactly the options the CLI parses, as its --help does", () => {
    const parsed = new Set([...VALUED, ...FLAGS].filter((name) => name !== "daemon-child"));
    expect([...options(PROSE)].sort()).toEqual([...parsed].sort());
    expect([...options(HELP_TEXT)].sort()).toEqual([...parsed].sort());
  });
});
