import type { ProviderContext } from "./context.js";
import { parseConfig, type ParsedConfig } from "./config-parser.js";
import { describeReadError } from "./describe-read-error.js";
import { CredchainError } from "./errors.js";
import { expandPath } from "./expand-path.js";
import { CONFIG_FILE_MAX_BYTES } from "./read-regular-file.js";

export interface LoadedConfigFile {
  /** The path after expanding `$VARS` and `~`, as read. */
  path: string;
  /** False when there is no regular file at `path` (botocore's ConfigNotFound, read as empty). */
  exists: boolean;
  /**
   * Set when `exists` is false: why, in words that follow the path ("does not exist", "is a
   * directory", "is not a regular file (a FIFO)"), so messages say what is really there.
   */
  absentReason?: string;
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
 * (botocore raises ConfigNotFound and every caller treats it as empty); so does anything else
 * that is not a regular file (a FIFO, `/dev/zero`, a socket: Python's `os.path.isfile` is false),
 * which is never opened for reading, and `absentReason` says which. A file that exists but
 * cannot be read (permissions) also reads as empty, as Python's `RawConfigParser.read` skips it
 * silently (credchain logs a warning). A file that does not parse throws `ConfigParse` naming
 * the file and line (see {@link parseConfig}); so does a file over {@link CONFIG_FILE_MAX_BYTES}
 * (16 MiB), naming the cap, without reading the rest (botocore would read it all).
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
    text = await ctx.readFile(expanded, { maxBytes: CONFIG_FILE_MAX_BYTES });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (isNotAFile(error)) {
      const absentReason = describeReadError(error);
      ctx.logger.debug(`config file ${expanded} ${absentReason}, read as empty`);
      return { path: expanded, exists: false, absentReason, sections: Object.create(null) };
    }
    if (code === "EFBIG") {
      throw new CredchainError({ code: "ConfigParse", message: `Unable to parse config file ${expanded}: the file ${describeReadError(error)}`, file: expanded, cause: error });
    }
    const readError = typeof code === "string" ? code : "unknown error";
    ctx.logger.warn(`config file ${expanded} exists but cannot be read (${readError}); ignoring it as botocore does`);
    return { path: expanded, exists: true, sections: Object.create(null), readError };
  }
  return { path: expanded, exists: true, sections: parseConfig(text, { file: expanded, ...options }) };
}
