import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { cleanEnv } from "../src/run.js";

/** Access key id in the environment of every program the checks run: what `env` resolves to. */
export const ENV_KEY = "AKIDPACKCHECK0000001";

/**
 * The environment of a user's program in the installed project: keys in env, an empty home
 * (no ~/.aws files), no instance metadata, and nothing of this machine's AWS settings.
 */
export function userEnv(app: string): NodeJS.ProcessEnv {
  const home = join(app, "home");
  mkdirSync(home, { recursive: true });
  const env = cleanEnv();
  for (const key of Object.keys(env)) if (/^(AWS_|BOTO_|CREDCHAIN_)/.test(key)) delete env[key];
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    BOTO_CONFIG: join(home, "no-boto"),
    AWS_ACCESS_KEY_ID: ENV_KEY,
    AWS_SECRET_ACCESS_KEY: "pack-check-secret",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}
