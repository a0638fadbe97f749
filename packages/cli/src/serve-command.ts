import { defaultChain } from "@credchain/chain";
import { startCredentialsServer } from "./credentials-server.js";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { expectPositionals, UsageError, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";
import { daemonChildIo, serveInBackground } from "./serve-daemon.js";
import { servedFromArgs } from "./served-credentials.js";

export function portOption(args: ParsedArgs): number {
  const raw = args.options.port;
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${String(raw)}")`);
  return port;
}

/**
 * Resolves once (trading long-term keys for a session), then serves until SIGINT or SIGTERM.
 * With --daemon, the server runs in a detached child and this returns once it is up.
 */
export async function serveCommand(args: ParsedArgs, parentIo: CliIo): Promise<number> {
  expectPositionals(args, []);
  const port = portOption(args);
  if (args.options.daemon === true && args.options["daemon-child"] !== true) return serveInBackground(args, parentIo);
  const child = daemonChildIo(args, parentIo);
  const io = child?.io ?? parentIo;
  const chain = defaultChain({ ...chainOptions(args, io), refresh: {} });
  const served = servedFromArgs(chain, args, io);
  const stopAll = () => {
    served.dispose();
    chain.dispose();
  };
  let server;
  try {
    // Fail now, with the chain's (or STS's) error, rather than on the first client's request.
    const first = await served();
    server = await startCredentialsServer(served, port);
    const kind = first.sessionToken === undefined ? "long-term keys, without Expiration (--long-term-keys)" : "refreshed credentials";
    io.stdout(`export AWS_CONTAINER_CREDENTIALS_FULL_URI=${server.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${server.token}\n`);
    io.stderr(`credchain: serving ${kind} on ${server.url}${child ? "" : " (Ctrl-C to stop)"}\n`);
  } catch (error) {
    stopAll();
    const code = reportFailure(error, io);
    await child?.flush();
    return code;
  }
  await child?.ready();
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  stopAll();
  await server.close();
  return EXIT.ok;
}
