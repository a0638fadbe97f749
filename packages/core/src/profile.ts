import type { Env } from "./context.js";

export const AWS_PROFILE = "AWS_PROFILE";
export const AWS_DEFAULT_PROFILE = "AWS_DEFAULT_PROFILE";

export interface SelectedProfile {
  /** The profile name to read, `default` when nothing selects one. */
  name: string;
  /** Set by the caller (`profile` option, `--profile`): drops the `env` provider, as boto3.Session(profile_name=…) does. */
  explicit: boolean;
  /** What chose it. */
  from: "option" | typeof AWS_DEFAULT_PROFILE | typeof AWS_PROFILE | "default";
}

/**
 * Which profile botocore would read: the explicit option, else AWS_DEFAULT_PROFILE, else
 * AWS_PROFILE (botocore checks them in that order; a variable set to "" still counts), else
 * `default`.
 */
export function selectProfile(options: { profile?: string | undefined; env: Env }): SelectedProfile {
  if (options.profile !== undefined) return { name: options.profile, explicit: true, from: "option" };
  for (const name of [AWS_DEFAULT_PROFILE, AWS_PROFILE] as const) {
    const value = options.env[name];
    if (value !== undefined) return { name: value, explicit: false, from: name };
  }
  return { name: "default", explicit: false, from: "default" };
}
