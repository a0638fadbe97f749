import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMAND_SPECS, MAIN_SPEC } from "../src/cli-spec.js";
import type { CommandSpec } from "../src/command-spec.js";
import { helpMarkdown } from "../src/help-markdown.js";
import { helpText, optionLabel } from "../src/help-text.js";
import { main } from "../src/main.js";

// docs/cli/ is generated from the command table by `pnpm run docs`; --help is printed from it too.
const DOCS = new URL("../../../docs/cli/", import.meta.url);
const page = (file: string) => readFileSync(new URL(file, DOCS), "utf8");

async function cli(argv: string[]): Promise<string> {
  let out = "";
  expect(await main(argv, { stdout: (t) => void (out += t), stderr: () => {}, env: {} })).toBe(0);
  return out;
}

describe(helpMarkdown.name, () => {
  it("the committed reference pages are exactly what the CLI prints now (run `pnpm run docs` after changing the table)", async () => {
    const expected = new Map<string, string>([["README.md", await cli(["help", "--format", "markdown"])]]);
    for (const spec of COMMAND_SPECS) expected.set(`${spec.name}.md`, await cli(["help", spec.name, "--format=markdown"]));
    expect(readdirSync(DOCS).filter((f) => f.endsWith(".md")).sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(page(file), `docs/cli/${file}`).toBe(text);
  });

  it("says on each page what --help says: every usage line, option and subcommand", () => {
    const check = (spec: CommandSpec, markdown: string) => {
      for (const line of spec.usage) expect(markdown).toContain(line);
      for (const o of spec.options.filter((o) => !o.hidden)) expect(markdown, `${spec.name} ${o.name}`).toContain(`\`${optionLabel(o).trim()}\``);
      for (const sub of spec.subcommands ?? []) check(sub, markdown);
    };
    for (const spec of COMMAND_SPECS) {
      const markdown = helpMarkdown(spec);
      check(spec, markdown);
      // And --help shows the same options, with the same labels.
      for (const o of spec.options.filter((o) => !o.hidden)) expect(helpText(spec)).toContain(optionLabel(o).trim());
    }
    const index = helpMarkdown(MAIN_SPEC);
    for (const spec of COMMAND_SPECS) expect(index).toContain(`[\`credchain ${spec.name}\`](${spec.name}.md)`);
  });

  it("escapes what Markdown would swallow outside code, and keeps code as it is", () => {
    const markdown = helpMarkdown({
      name: "x",
      summary: "a <tag> and **stars**",
      usage: ["credchain x <A>"],
      description: ["keep `a <b>` but escape <sha1>", { code: "echo <x> *" }],
      options: [{ name: "opt", value: "V", help: "one | two\n<three>" }],
    });
    expect(markdown).toContain("A &lt;tag&gt; and \\*\\*stars\\*\\*.");
    expect(markdown).toContain("```\ncredchain x <A>\n```");
    expect(markdown).toContain("keep `a <b>` but escape &lt;sha1&gt;");
    expect(markdown).toContain("```sh\necho <x> *\n```");
    expect(markdown).toContain("| `--opt V` | one \\| two<br>&lt;three&gt; |");
  });
});
