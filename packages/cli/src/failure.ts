import { CredchainError, quoteUntrusted } from "@credchain/core";
import { EXIT, type CliIo } from "./io.js";
import { printable } from "./printable.js";

/** A failure as the contract prints it: code and message, never a stack or a secret. */
export function errorBody(error: unknown): { Code: string; Message: string } {
  if (CredchainError.isInstance(error)) return { Code: error.code, Message: error.message };
  return { Code: "CredentialRetrieval", Message: quoteUntrusted(error instanceof Error ? error.message : String(error)) };
}

/**
 * Reports a failed command: `credchain: <Code>: <message>` on stderr, and with `--format json`
 * also `{"Error":{…}}` on stdout. Returns the exit code for it.
 */
export function reportFailure(error: unknown, io: CliIo, format?: string): number {
  const body = errorBody(error);
  if (format === "json") io.stdout(`${JSON.stringify({ Error: body }, null, 2)}\n`);
  io.stderr(`credchain: ${body.Code}: ${printable(body.Message)}\n`);
  return EXIT.failed;
}
