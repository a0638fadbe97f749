import { loadSharedConfig } from "@credchain/provider-ini";
import { COMPLETION_SHELLS } from "./cli-spec.js";
import { completeWords } from "./complete-words.js";
import { COMPLETION_SCRIPTS } from "./completion-scripts.js";
import { EXIT, type CliIo } from "./io.js";
import { expectPositionals, UsageError, type ParsedArgs } from "./parse-args.js";

/** `credchain completion bash|zsh|fish`: prints the script. */
export async function completionCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [shell] = expectPositionals(args, ["SHELL"]) as [string];
  if (!(COMPLETION_SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion: unknown shell "${shell}" (${COMPLETION_SHELLS.join(", ")})`);
  }
  io.stdout(COMPLETION_SCRIPTS[shell as keyof typeof COMPLETION_SCRIPTS]);
  return EXIT.ok;
}

/**
 * bash splits `--profile=dev` at `=` (COMP_WORDBREAKS) into three words: join them back, and
 * remember that only the part after `=` is being replaced when the cursor is in it.
 */
function joinBashEquals(words: readonly string[], cword: number): { words: string[]; cword: number; after: string | undefined } {
  const out: string[] = [];
  let at = cword;
  let after: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const prev = out[out.length - 1];
    if (word !== "=" || prev === undefined || !prev.startsWith("--") || prev.includes("=")) {
      out.push(word);
      continue;
    }
    // The value is the next word, unless the cursor is on the "=" itself.
    const withValue = i !== cword && i + 1 < words.length;
    out[out.length - 1] = `${prev}=${withValue ? words[i + 1] : ""}`;
    if (i === cword || i + 1 === cword) after = `${prev}=`;
    if (i <= cword) at -= i === cword ? 1 : Math.min(2, cword - i + 1);
    if (withValue) i++;
  }
  return { words: out, cword: at, after };
}

/**
 * The hidden `credchain __complete <shell> <index> <words…>` the scripts call: one candidate per
 * line (zsh: `value:description`, fish: `value<TAB>description`). Never fails: a broken config file
 * just offers no profile names.
 */
export async function completeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [shell, index, ...rest] = argv;
  let words = [...rest];
  let cword = Number(index);
  if (!Number.isInteger(cword) || cword < 1) return EXIT.usage;
  let after: string | undefined;
  if (shell === "bash") ({ words, cword, after } = joinBashEquals(words, cword));
  let names: string[] = [];
  try {
    // A name with a control character would break the one-per-line answer, or write to the terminal.
    names = Object.keys((await loadSharedConfig({ env: io.env })).profiles).filter((n) => !/[\0-\x1f\x7f-\x9f]/.test(n));
  } catch {
    // Completion is best effort: a file that does not parse offers no names.
  }
  const candidates = completeWords(words, cword, () => names);
  const lines = candidates.map(({ value, description }) => {
    if (shell === "bash") return after && value.startsWith(after) ? value.slice(after.length) : value;
    if (shell === "zsh") return description ? `${value.replace(/:/g, "\\:")}:${description}` : value.replace(/:/g, "\\:");
    return description ? `${value}\t${description}` : value;
  });
  io.stdout(lines.map((l) => `${l}\n`).join(""));
  return EXIT.ok;
}
