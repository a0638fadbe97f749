import type { Env } from "@credchain/core";

/** The SDK options that stand in for the container endpoint's variables, and those variables. */
export const CONTAINER_OPTION_VARIABLES = {
  awsContainerCredentialsRelativeUri: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  awsContainerCredentialsFullUri: "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  awsContainerAuthorizationTokenFile: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
  awsContainerAuthorizationToken: "AWS_CONTAINER_AUTHORIZATION_TOKEN",
} as const;

/** The SDK options that stand in for the web identity variables, and those variables. */
export const WEB_IDENTITY_OPTION_VARIABLES = {
  webIdentityTokenFile: "AWS_WEB_IDENTITY_TOKEN_FILE",
  roleArn: "AWS_ROLE_ARN",
  roleSessionName: "AWS_ROLE_SESSION_NAME",
} as const;

/**
 * `env` with each option that is set written over its variable (options win, as in the SDK), or
 * `env` itself when none is set.
 *
 * @example
 * ```ts
 * withOptionVariables(process.env, { awsContainerCredentialsFullUri: url }, CONTAINER_OPTION_VARIABLES).AWS_CONTAINER_CREDENTIALS_FULL_URI; // url
 * ```
 */
export function withOptionVariables(env: Env, options: object, names: Readonly<Record<string, string>>): Env {
  const set = Object.entries(names).filter(([option]) => (options as Record<string, unknown>)[option] !== undefined);
  if (set.length === 0) return env;
  const copy: Record<string, string | undefined> = { ...env };
  for (const [option, variable] of set) copy[variable] = String((options as Record<string, unknown>)[option]);
  return copy;
}
