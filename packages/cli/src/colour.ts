import type { Env } from "@credchain/core";

/**
 * Whether to colour output, as Node decides for its own: FORCE_COLOR set (and not `0` or `false`)
 * → yes, even into a pipe; NO_COLOR or NODE_DISABLE_COLORS set to anything non-empty, or
 * TERM=dumb → no; else only on a terminal.
 */
export function colourEnabled(env: Env, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS || env.TERM === "dumb") return false;
  return isTTY;
}

export type Paint = (code: "bold" | "dim" | "red" | "green" | "yellow", text: string) => string;

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39] } as const;

/** SGR colours when `on`, else the text as it is. */
export function painter(on: boolean): Paint {
  return on ? (code, text) => `\x1b[${CODES[code][0]}m${text}\x1b[${CODES[code][1]}m` : (_code, text) => text;
}
