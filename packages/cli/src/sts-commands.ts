import { defaultChain } from "@credchain/chain";
import type { Credentials } from "@credchain/core";
import { writeProfile } from "@credchain/provider-ini";
import { reportFailure } from "./failure.js";
import { formatExport, EXPORT_FORMATS, isoSeconds } from "./format-export.js";
import { EXIT, type CliIo } from "./io.js";
import { choice, expectPositionals, intOption, stringOption, UsageError, type ParsedArgs } from "./parse-args.js";
import { printable } from "./printable.js";
import { askMfaCode, chainOptions } from "./resolve-options.js";
import { getSessionToken, stsForCli } from "./sts-for-cli.js";

/** The MFA pair: --token-code, else asked for (TTY prompt or a line of stdin) when --serial-number is given. */
async function mfa(args: ParsedArgs, io: CliIo): Promise<{ serialNumber?: string; tokenCode?: string }> {
  const serialNumber = stringOption(args, "serial-number");
  const tokenCode = stringOption(args, "token-code");
  if (serialNumber === undefined) {
    if (tokenCode !== undefined) throw new UsageError("--token-code needs --serial-number");
    return {};
  }
  return { serialNumber, tokenCode: tokenCode ?? (await askMfaCode(io, serialNumber)) };
}

/** Prints the credentials, or writes them to a profile of the credentials file (and says so on stderr). */
async function emit(credentials: Credentials, args: ParsedArgs, io: CliIo, format: (typeof EXPORT_FORMATS)[number]): Promise<void> {
  const target = stringOption(args, "write-profile");
  if (target === undefined) {
    io.stdout(formatExport(credentials, format));
    return;
  }
  const values: Record<string, string> = { aws_access_key_id: credentials.accessKeyId, aws_secret_access_key: credentials.secretAccessKey };
  if (credentials.sessionToken !== undefined) values.aws_session_token = credentials.sessionToken;
  const [file] = await writeProfile({ env: io.env, profile: target, values, kind: "credentials" });
  const until = credentials.expiration ? `, valid until ${isoSeconds(credentials.expiration)}` : "";
  // The name as typed and the file from AWS_SHARED_CREDENTIALS_FILE: escaped for the terminal.
  io.stderr(`credchain: wrote profile "${printable(target, 200)}" to ${printable(file ?? "")}${until}\n`);
}

async function run(args: ParsedArgs, io: CliIo, call: (format: (typeof EXPORT_FORMATS)[number]) => Promise<void>): Promise<number> {
  expectPositionals(args, []);
  const format = choice(args.options, "format", EXPORT_FORMATS, "process");
  try {
    await call(format);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return reportFailure(error, io, format);
  }
}

/** `credchain assume-role --role-arn …`: AssumeRole signed with the chain's credentials. */
export function assumeRoleCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const roleArn = stringOption(args, "role-arn");
  if (roleArn === undefined) throw new UsageError("assume-role needs --role-arn");
  const durationSeconds = intOption(args, "duration-seconds");
  return run(args, io, async (format) => {
    const sts = await stsForCli(io, stringOption(args, "profile"), defaultChain(chainOptions(args, io)));
    const { credentials } = await sts.assumeRole({
      roleArn,
      roleSessionName: stringOption(args, "role-session-name") ?? `credchain-session-${Math.floor(Date.now() / 1000)}`,
      externalId: stringOption(args, "external-id"),
      durationSeconds,
      ...(await mfa(args, io)),
    });
    await emit(credentials, args, io, format);
  });
}

/** `credchain session-token`: GetSessionToken (with MFA if asked) signed with the chain's credentials. */
export function sessionTokenCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const durationSeconds = intOption(args, "duration-seconds");
  return run(args, io, async (format) => {
    const credentials = await getSessionToken(io, stringOption(args, "profile"), defaultChain(chainOptions(args, io)), { durationSeconds, ...(await mfa(args, io)) });
    await emit(credentials, args, io, format);
  });
}
