import { readFile, writeFile } from "node:fs/promises";

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a Markdown file.
 *
 * @example
 * ```ts
 * await writeSection("BENCHMARKS.md", "bench", table);
 * ```
 */
export async function writeSection(file: string, name: string, body: string): Promise<void> {
  const text = await readFile(file, "utf8");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} has no ${start} … ${end} section`);
  await writeFile(file, `${text.slice(0, i + start.length)}\n${body.trim()}\n${text.slice(j)}`);
}
