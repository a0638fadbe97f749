import { CredchainError } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { loadSharedConfig, profileSettings } from "@credchain/provider-ini";
import { ssoLogin, ssoLogout, type PendingAuthorization } from "@credchain/provider-sso/sign-in";
import { cliLogger } from "./cli-logger.js";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { printable } from "./printable.js";
import { browserOpener, openBrowser } from "./open-browser.js";
import { expectPositionals, stringOption, UsageError, type ParsedArgs } from "./parse-args.js";
import { loginSession } from "./sso-login-session.js";
import { statusLine, timeLeft } from "./status-line.js";

/**
 * Tells the user what to do. In a terminal: the page, the code, and whether a browser was opened
 * (only there, never with --no-browser, under CI, or without an opener). Piped: one line, since the
 * sign-in cannot finish without it.
 */
async function instruct(a: PendingAuthorization, args: ParsedArgs, io: CliIo): Promise<void> {
  if (!io.stderrIsTTY) {
    io.stderr(`credchain: to sign in, open ${a.verificationUriComplete} (or ${a.verificationUri} and enter the code ${a.userCode})\n`);
    return;
  }
  const opener = args.options["no-browser"] || io.env.CI ? undefined : browserOpener(io.env);
  const opened = opener !== undefined && (await openBrowser(opener, a.verificationUriComplete, io.env));
  const lead = opened
    ? "A browser was opened at the sign-in page. If it did not open, or to sign in on another device, open:"
    : "To sign in, open this page in a browser, on this or another device:";
  io.stderr(`${lead}\n\n  ${a.verificationUri}\n\nand enter the code:\n\n  ${a.userCode}\n\nOr open ${a.verificationUriComplete}, which fills the code in.\n\n`);
}

async function login(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const profileOption = stringOption(args, "profile");
  const ssoSession = stringOption(args, "sso-session");
  if (profileOption !== undefined && ssoSession !== undefined) throw new UsageError("give --profile or --sso-session, not both");
  const config = await loadSharedConfig({ env: io.env });
  const selected = selectProfile({ profile: profileOption, env: io.env });
  const session = loginSession(config, selected, ssoSession);
  const status = statusLine(io);
  try {
    await ssoLogin({
      env: io.env,
      session,
      profileSettings: profileSettings(config, selected.name),
      logger: cliLogger(io),
      onPendingAuthorization: (a) => instruct(a, args, io),
      onWait: ({ expiresAt }) => status.show(`Waiting for the sign-in to be approved… (the code expires in ${timeLeft(expiresAt)})`),
    });
  } finally {
    status.clear();
  }
  io.stdout(`Successfully logged into Start URL: ${printable(session.startUrl)}\n`);
  return EXIT.ok;
}

/** `credchain sso login|logout`. */
export async function ssoCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  try {
    if (args.subcommand === "login") return await login(args, io);
    expectPositionals(args, []);
    await ssoLogout({ env: io.env, logger: cliLogger(io) });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || !CredchainError.isInstance(error)) throw error;
    return reportFailure(error, io);
  }
}
