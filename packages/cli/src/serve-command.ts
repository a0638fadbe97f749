import { defaultChain } from "@credchain/chain";
import { startCredentialsServer } from "./credentials-server.js";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { expectPositionals, UsageError, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";

export function portOption(args: ParsedArgs): number {
  const raw = args.options.port;
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${String(raw)}")`);
  return port;
}

/** Resolves once, then serves until SIGINT or SIGTERM. */
export async function serveCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const port = portOption(args);
  const provider = defaultChain({ ...chainOptions(args, io), refresh: {} });
  // Fail now, with the chain's error, rather than on the first client's request.
  try {
    await provider();
  } catch (error) {
    return reportFailure(error, io);
  }
  const server = await startCredentialsServer(provider, port);
  io.stdout(`export AWS_CONTAINER_CREDENTIALS_FULL_URI=${server.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${server.token}\n`);
  io.stderr(`credchain: serving credentials on ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  provider.dispose();
  await server.close();
  return EXIT.ok;
}
