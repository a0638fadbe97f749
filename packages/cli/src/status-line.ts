import type { CliIo } from "./io.js";

/** A line of progress on stderr that rewrites itself, for a person watching a terminal. */
export interface StatusLine {
  show(text: string): void;
  clear(): void;
}

/** Writes progress only when stderr is a terminal: a pipe or a log file gets none of it. */
export function statusLine(io: Pick<CliIo, "stderr" | "stderrIsTTY">): StatusLine {
  if (!io.stderrIsTTY) return { show() {}, clear() {} };
  let shown = false;
  return {
    show(text) {
      io.stderr(`\r\x1b[2K${text}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr("\r\x1b[2K");
      shown = false;
    },
  };
}

/** `9:58` for what is left until `until`. */
export function timeLeft(until: Date, now = Date.now()): string {
  const s = Math.max(0, Math.round((until.getTime() - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
