import type { Explanation } from "@credchain/chain";
import { describePlan } from "@credchain/provider-ini";
import type { Paint } from "./colour.js";
import { FROM, outcome } from "./format-explain.js";
import { printable } from "./printable.js";

const RESULT = { used: "used", skipped: "skipped", failed: "FAILED" } as const;

/** `text` cut to `width` columns with an ellipsis (reasons stay on one line in the table). */
function fit(text: string, width: number): string {
  const line = text.replace(/\s*\n\s*/g, " ");
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * `explain` for a terminal: one row per provider (number, provider, result, why), reasons on one
 * line cut to the terminal's width, the result coloured (used green, FAILED red, skipped dim) when
 * `paint` colours; the plain text form keeps every detail (and is what a pipe gets). Text from
 * files, env and providers goes through `printable`: only `paint` sends escapes to the terminal.
 */
export function explainTable(e: Explanation, paint: Paint, columns = 100): string {
  const out: string[] = [];
  if (e.profile) out.push(`${paint("bold", "profile")}  ${printable(e.profile.name, 100)} ${paint("dim", `(${FROM[e.profile.from] ?? e.profile.from})`)}`);
  if (e.plan) out.push(`${paint("bold", "plan")}     ${printable(describePlan(e.plan))}`);
  if (out.length > 0) out.push("");
  const width = Math.max(...e.attempts.map((a) => a.source.length), "provider".length);
  const reasonWidth = Math.max(20, columns - (4 + width + 2 + 7 + 2));
  out.push(paint("bold", ` #  ${"provider".padEnd(width)}  ${"result".padEnd(7)}  why`));
  for (const [i, a] of e.attempts.entries()) {
    const result = RESULT[a.outcome].padEnd(7);
    const coloured = a.outcome === "used" ? paint("green", result) : a.outcome === "failed" ? paint("red", result) : paint("dim", result);
    const why = fit(printable(a.code ? `${a.reason} [${a.code}]` : a.reason), reasonWidth);
    out.push(`${String(i + 1).padStart(2)}  ${a.source.padEnd(width)}  ${coloured}  ${a.outcome === "skipped" ? paint("dim", why) : why}`);
  }
  const result = outcome(e);
  if (result) out.push("", result.resolved ? `${paint("green", "resolved")}  ${printable(result.text)}` : `${paint("red", "not resolved")}  ${printable(result.text)}`);
  return `${out.join("\n")}\n`;
}
