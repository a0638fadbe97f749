import type { ProviderContext } from "./context.js";
import { parseConfig, type ParsedConfig } from "./config-parser.js";
import { expandPath } from "./expand-path.js";

export interface LoadedConfigFile {
  /** The path after expanding `$VARS` and `~`, as read. */
  path: string;
  /** False when there is no regular file at `path` (botocore's ConfigNotFound, read as empty). */
  exists: boolean;
  /** The parsed sections; empty when the file is missing or unreadable. */
  sections: ParsedConfig;
  /** Set when the file exists but could not be read: the fs error code (`EACCES`, …). */
  readError?: string;
}

const NOT_A_FILE = new Set(["ENOENT", "ENOTDIR", "EISDIR", "ELOOP", "ENAMETOOLONG", "ENOTREG"]);

/**
 * Whether a read failed because no regular file is there (ENOENT, ENOTDIR, EISDIR, ELOOP,
 * ENAMETOOLONG, and ENOTREG from {@link readRegularFile} for a FIFO, device or socket): where
 * Python's `os.path.isfile` is false, so botocore treats the file as absent.
 */
export function isNotAFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && NOT_A_FILE.has(code);
}

/**
 * Reads and parses a config or credentials file as botocore's `raw_config_parse` does: the path
 * is expanded (`$VARS`, then `~`), a missing path or a directory reads as an empty file
 * (botocore raises ConfigNotFound and every caller treats it as empty), a file that exists but
 * cannot be read (permissions) also reads as empty, as Python's `RawConfigParser.read` skips it
 * silently (credchain logs a warning). A file that does not parse throws `ConfigParse` naming
 * the file and line (see {@link parseConfig}).
 *
 * @example
 * ```ts
 * import { loadConfigFile, resolveContext } from "@credchain/core";
 *
 * const { exists, sections } = await loadConfigFile("~/.aws/config", resolveContext());
 * ```
 */
export async function loadConfigFile(
  path: string,
  ctx: Pick<ProviderContext, "env" | "homedir" | "readFile" | "logger">,
  options: { subsections?: boolean } = {},
): Promise<LoadedConfigFile> {
  const expanded = expandPath(path, ctx.env, ctx.homedir);
  let text: string;
  try {
    text = await ctx.readFile(expanded);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (isNotAFile(error)) {
      ctx.logger.debug(`config file ${expanded} not found (${String(code)}), read as empty`);
      return { path: expanded, exists: false, sections: Object.create(null) };
    }
    const readError = typeof code === "string" ? code : "unknown error";
    ctx.logger.warn(`config file ${expanded} exists but cannot be read (${readError}); ignoring it as botocore does`);
    return { path: expanded, exists: true, sections: Object.create(null), readError };
  }
  return { path: expanded, exists: true, sections: parseConfig(text, { file: expanded, ...options }) };
}
