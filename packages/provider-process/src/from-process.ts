import { CredchainError, notFound, quoteUntrusted, type CredentialProvider, type LocalContextInit } from "@credchain/core/local";
import { resolveLocalContext, showName } from "@credchain/core/internal";
import { parseProcessOutput, RETRIEVAL_PREFIX } from "./parse-process-output.js";
import { runProcess } from "./run-process.js";
import { splitCommand } from "./split-command.js";

/**
 * How long the command may run. botocore waits forever; a minute is far beyond any real
 * credential_process (they answer in well under a second, or a few seconds with an SSO browser
 * hop) and still lets a stuck one fail instead of hanging the program.
 */
export const DEFAULT_PROCESS_TIMEOUT_MS = 60_000;
/** Stdout beyond this is not credentials (botocore has no cap): 1 MiB. */
export const DEFAULT_PROCESS_MAX_OUTPUT_BYTES = 1024 * 1024;

export interface ProcessInit extends LocalContextInit {
  /**
   * The profile's `credential_process` command line, split like botocore (POSIX `shlex.split`;
   * the C runtime's rules on Windows) and run without a shell. Undefined: `notFound`.
   */
  command?: string | undefined;
  /** The profile the command came from: named in messages and errors only. */
  profile?: string | undefined;
  /** The profile's `aws_account_id`, used when the output has no AccountId (as botocore). */
  accountId?: string | undefined;
  /**
   * SIGKILL the command after this long. Default: 60000 ({@link DEFAULT_PROCESS_TIMEOUT_MS});
   * `Infinity` waits forever, as botocore.
   */
  timeoutMs?: number;
  /** SIGKILL the command once its stdout passes this many bytes. Default: 1 MiB. */
  maxOutputBytes?: number;
  /** Which splitting rules apply. Default: `process.platform` (tests pass "win32"). */
  platform?: NodeJS.Platform;
}

const SOURCE = "custom-process";

/**
 * Credentials from a `credential_process` command, as botocore's ProcessProvider (source
 * `custom-process`): the command runs without a shell, with `env` as its whole environment and
 * stdin inherited, and must print `{"Version": 1, "AccessKeyId", "SecretAccessKey",
 * "SessionToken"?, "Expiration"?, "AccountId"?}` and exit 0.
 *
 * No command: `notFound` (the chain moves on). An empty command line or an unclosed quote:
 * `InvalidConfig`. A command that cannot start, exits non-zero (its stderr is in the message, as
 * in botocore, redacted and cut to 512 characters by `quoteUntrusted`), runs past `timeoutMs`,
 * prints more than `maxOutputBytes`, or prints anything but valid output: `CredentialRetrieval`. The command runs on every call; with an `Expiration`
 * the credentials carry `expiration`, and `withRefresh` from `@credchain/refresh-manager`
 * caches and refreshes them.
 *
 * @example
 * ```ts
 * import { fromProcess } from "@credchain/provider-process";
 *
 * const provider = fromProcess({ command: "aws-vault export --format=json dev", profile: "dev" });
 * const creds = await provider();
 * console.log(creds.source, creds.expiration); // "custom-process" <Date or undefined>
 * ```
 */
export function fromProcess(init: ProcessInit = {}): CredentialProvider {
  const timeoutMs = init.timeoutMs ?? DEFAULT_PROCESS_TIMEOUT_MS;
  const maxOutputBytes = init.maxOutputBytes ?? DEFAULT_PROCESS_MAX_OUTPUT_BYTES;
  const { command, profile } = init;
  const ctx = resolveLocalContext(init);
  const inProfile = profile === undefined ? "" : ` of profile "${showName(profile)}"`;
  const error = (code: "CredentialRetrieval" | "InvalidConfig", message: string, cause?: unknown) =>
    new CredchainError({ code, message, source: SOURCE, profile, key: "credential_process", cause });

  return async (callOptions) => {
    if (command === undefined) {
      throw notFound(SOURCE, `no credential_process${inProfile}`, profile === undefined ? undefined : { profile });
    }
    const argv = splitCommand(command, init.platform);
    if (argv === undefined) {
      // botocore: ValueError from shlex.split ("No closing quotation" / "No escaped character").
      throw error("InvalidConfig", `credential_process${inProfile} cannot be split into arguments: it has an unclosed quote or a trailing backslash`);
    }
    if (argv.length === 0) {
      // botocore: IndexError from Popen([]).
      throw error("InvalidConfig", `credential_process${inProfile} is empty`);
    }
    const program = argv[0] as string;
    ctx.logger.debug(`custom-process: running ${JSON.stringify(program)}${inProfile}`);

    const result = await runProcess(argv, { env: ctx.env, timeoutMs, maxOutputBytes, signal: callOptions?.signal });
    switch (result.kind) {
      case "spawn-failed": {
        // botocore: FileNotFoundError / PermissionError / OSError from Popen.
        const why = result.error.code === "ENOENT" ? "not found" : result.error.code === "EACCES" ? "not executable" : (result.error.code ?? result.error.message);
        throw error("CredentialRetrieval", `${RETRIEVAL_PREFIX}cannot run ${JSON.stringify(program)}${inProfile}: ${why}`, result.error);
      }
      case "timeout":
        throw error("CredentialRetrieval", `${RETRIEVAL_PREFIX}credential_process did not exit within ${timeoutMs} ms${inProfile}`);
      case "too-much-output":
        throw error("CredentialRetrieval", `${RETRIEVAL_PREFIX}credential_process printed more than ${maxOutputBytes} bytes${inProfile}`);
      case "aborted":
        throw error("CredentialRetrieval", `${RETRIEVAL_PREFIX}credential_process was aborted${inProfile}`);
      case "exited":
        break;
    }
    if (result.exitCode !== 0) {
      const status = result.signal ? `was killed by ${result.signal}` : `exited with status ${result.exitCode}`;
      // botocore quotes the whole stderr; a helper may print credentials or tokens there.
      const detail = quoteUntrusted(result.stderr.toString("utf8"));
      throw error("CredentialRetrieval", `${RETRIEVAL_PREFIX}credential_process${inProfile} ${status}${detail ? `: ${detail}` : ""}`);
    }

    let stdout: string;
    try {
      // Strict, and keeping a BOM so that JSON.parse refuses it, as Python's decode + json.loads do.
      stdout = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(result.stdout);
    } catch {
      throw error("CredentialRetrieval", `${RETRIEVAL_PREFIX}the output of credential_process${inProfile} is not UTF-8`);
    }
    const creds = parseProcessOutput(stdout, { profile, accountId: init.accountId });
    if (creds.expiration && creds.expiration.getTime() <= ctx.now()) {
      ctx.logger.warn(`custom-process: the credentials from credential_process${inProfile} expired at ${creds.expiration.toISOString()}`);
    }
    ctx.logger.debug(`custom-process: credentials${inProfile}${creds.expiration ? `, expiring ${creds.expiration.toISOString()}` : ""}`);
    return creds;
  };
}
