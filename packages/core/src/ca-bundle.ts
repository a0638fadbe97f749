import { describeReadError } from "./describe-read-error.js";
import type { ReadFile } from "./local-context.js";
import { CONFIG_FILE_MAX_BYTES, readRegularFile } from "./read-regular-file.js";
import type { Setting } from "./resolve-setting.js";

/**
 * The settings row of botocore's `ca_bundle` (env AWS_CA_BUNDLE, then the profile's key): a PEM
 * file of certificate authorities trusted for HTTPS calls to AWS APIs in place of Node's own, by
 * the default transport of STS, SSO, SSO-OIDC and sign-in, never by the instance metadata or
 * container endpoint's (botocore's fetchers there ignore it too). "" counts as unset: botocore
 * turns certificate verification off for it, credchain never does. Kept here, not with the other
 * rows in settings.ts: a bundler places a file's code in one chunk, and the default chain loads
 * settings.ts before its first provider runs, this only with the providers that call AWS APIs.
 */
export const CA_BUNDLE: Setting = { key: "ca_bundle", skipBlank: true };

/** A CA bundle file, who named it, and how to read it. */
export interface CaBundle {
  /** The PEM file, as it is opened (`~` already expanded; relative to the working directory). */
  path: string;
  /** Who named it, for messages: `env AWS_CA_BUNDLE`, `profile "dev" ca_bundle`. Default: none said. */
  from?: string | undefined;
  /** Default: core's `readRegularFile` (regular files only, never blocking on a FIFO, capped at 16 MiB). */
  readFile?: ReadFile | undefined;
}

/**
 * The certificates of a CA bundle as PEM text, read through the bounded regular-file reader.
 * Rejects with an Error whose message names the file and who named it, and says what is wrong:
 * it does not exist, is a directory, a FIFO or a device, is over 16 MiB, or holds no PEM
 * certificate (botocore: an SSLError from OpenSSL, "no certificate or crl found").
 *
 * @example
 * ```ts
 * const ca = await readCaBundle({ path: "/etc/corp-ca.pem", from: "env AWS_CA_BUNDLE" });
 * ```
 */
export async function readCaBundle({ path, from, readFile = readRegularFile }: CaBundle): Promise<string> {
  const which = `the CA bundle ${path}${from ? ` named by ${from}` : ""}`;
  let text: string;
  try {
    text = await readFile(path, { maxBytes: CONFIG_FILE_MAX_BYTES });
  } catch (error) {
    throw new Error(`${which} ${describeReadError(error)}`, { cause: error });
  }
  // Node skips what is not a certificate and would then trust nothing: say so instead.
  if (!/-----BEGIN (TRUSTED )?CERTIFICATE-----/.test(text)) throw new Error(`${which} holds no PEM certificate`);
  return text;
}
