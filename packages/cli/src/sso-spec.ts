import { profileOption, type CommandSpec } from "./command-spec.js";

const LOGIN: CommandSpec = {
  name: "login",
  summary: "sign in to IAM Identity Center and cache the token, as `aws sso login`",
  usage: ["credchain sso login [--profile P | --sso-session S] [--no-browser]"],
  description: [
    "Signs in with IAM Identity Center's device authorization: registers a client (kept in " +
      "~/.aws/sso/cache and reused until it expires), starts a device authorization, shows the " +
      "verification URL and code, and waits while you approve it in a browser, then writes the token " +
      "to ~/.aws/sso/cache/<sha1>.json exactly as the AWS CLI v2 does, so credchain, botocore, boto3 " +
      "and the AWS CLI all use it. The session is the profile's sso_session (or its legacy " +
      "sso_start_url and sso_region), or --sso-session S.",
    "The browser is opened with the verification URL unless --no-browser is given, stderr is not a " +
      "terminal, CI is set, or no opener ($BROWSER, xdg-open, open) is found. In a terminal the wait is " +
      "shown on stderr; piped, one line gives the URL and code.",
  ],
  options: [
    profileOption("the profile whose SSO session to sign in to (default as for export)"),
    { name: "sso-session", value: "S", help: "the [sso-session S] to sign in to, instead of a profile's" },
    { name: "no-browser", help: "do not open a browser; only show the URL and code" },
  ],
  notes: [
    "Exit 1 when the authorization is denied or expires before it is approved, or the profile has no " +
      "SSO configuration (InvalidConfig).",
  ],
};

const LOGOUT: CommandSpec = {
  name: "logout",
  summary: "sign out: remove every cached SSO token, as `aws sso logout`",
  usage: ["credchain sso logout"],
  description: [
    "Signs every cached IAM Identity Center token out at the portal (Logout; a failure there is " +
      "ignored), then removes it from ~/.aws/sso/cache, and removes the role credentials cached from " +
      "SSO in ~/.aws/cli/cache, as `aws sso logout` does. Client registrations are kept.",
  ],
  options: [],
};

export const SSO_SPEC: CommandSpec = {
  name: "sso",
  summary: "sign in to or out of IAM Identity Center (device authorization)",
  usage: ["credchain sso login [--profile P | --sso-session S] [--no-browser]", "credchain sso logout"],
  description: [],
  options: [],
  subcommands: [LOGIN, LOGOUT],
};
