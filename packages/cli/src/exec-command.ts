import { spawn } from "node:child_process";
import { constants } from "node:os";
import { defaultChain } from "@credchain/chain";
import { type Credentials, type Env } from "@credchain/core";
import { resolveRegion } from "@credchain/provider-ini";
import { startCredentialsServer } from "./credentials-server.js";
import { reportFailure } from "./failure.js";
import { isoSeconds } from "./format-export.js";
import { EXIT, type CliIo } from "./io.js";
import { UsageError, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";
import { servedFromArgs } from "./served-credentials.js";

// Any of these left over from the caller would shadow or mix with what exec sets.
const CLEARED = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_SECURITY_TOKEN",
  "AWS_CREDENTIAL_EXPIRATION",
  "AWS_ACCOUNT_ID",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
];

function credentialVars(c: Credentials): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: c.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
    ...(c.sessionToken !== undefined && { AWS_SESSION_TOKEN: c.sessionToken }),
    ...(c.expiration !== undefined && { AWS_CREDENTIAL_EXPIRATION: isoSeconds(c.expiration) }),
    ...(c.accountId !== undefined && { AWS_ACCOUNT_ID: c.accountId }),
  };
}

/** Runs the command, forwarding signals; resolves to its exit code (128 + n when killed by signal n). */
function run(command: string, args: string[], env: Env, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const s of signals) process.on(s, forward);
    const done = (code: number) => {
      for (const s of signals) process.off(s, forward);
      resolve(code);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      io.stderr(`credchain: cannot run ${command}: ${error.code === "ENOENT" ? "command not found" : error.message}\n`);
      done(error.code === "ENOENT" ? 127 : 126);
    });
    child.on("exit", (code, signal) => done(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1)));
  });
}

/**
 * `credchain exec [--profile P] [--server] -- command args…`: the command runs with the chain's
 * credentials (and region) in its environment, or, with --server, with only a local container
 * endpoint that serves refreshed credentials for as long as it runs.
 */
export async function execCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [command, ...commandArgs] = args.rest ?? [];
  if (args.positionals.length > 0) throw new UsageError(`put the command after --: credchain exec -- ${args.positionals.join(" ")}`);
  if (command === undefined) throw new UsageError("exec needs a command after --: credchain exec -- aws s3 ls");
  const options = chainOptions(args, io);
  const provider = defaultChain({ ...options, refresh: {} });
  const env: Record<string, string | undefined> = { ...io.env };
  for (const name of CLEARED) delete env[name];
  // With --server, what the command gets is a session, as from `credchain serve`.
  const served = args.options.server ? servedFromArgs(provider, args, io) : undefined;
  try {
    const credentials = await (served ?? provider)();
    const region = await resolveRegion({ env: io.env, profile: options.profile });
    if (region !== undefined) Object.assign(env, { AWS_REGION: region, AWS_DEFAULT_REGION: region });
    if (!served) return await run(command, commandArgs, { ...env, ...credentialVars(credentials) }, io);
  } catch (error) {
    served?.dispose();
    return reportFailure(error, io);
  }
  const server = await startCredentialsServer(served);
  try {
    return await run(command, commandArgs, { ...env, AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url, AWS_CONTAINER_AUTHORIZATION_TOKEN: server.token }, io);
  } finally {
    served.dispose();
    provider.dispose();
    await server.close();
  }
}
