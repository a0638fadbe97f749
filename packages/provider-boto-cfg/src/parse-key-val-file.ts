import { pySplitlines, pyStrip } from "./python-text.js";

/**
 * Parses `key=value` lines as botocore's `utils.parse_key_val_file_contents`: a line without
 * `=` is ignored (comments included, unless they contain `=`), the rest is split at its first
 * `=` and both sides stripped; keys are case-sensitive, a later key replaces an earlier one.
 * Nothing is unquoted and `#` is not a comment marker inside a value.
 *
 * @example
 * ```ts
 * import { parseKeyValFileContents } from "@credchain/provider-boto-cfg";
 *
 * parseKeyValFileContents("AWSAccessKeyId = AKID\nAWSSecretKey=a=b\njust words\n");
 * // Map { "AWSAccessKeyId" => "AKID", "AWSSecretKey" => "a=b" }
 * ```
 */
export function parseKeyValFileContents(contents: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of pySplitlines(contents)) {
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    out.set(pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1)));
  }
  return out;
}
