import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dirs.js";

/** The role the assumed-role benchmark assumes (the STS emulator accepts any well-formed ARN). */
export const BENCH_ROLE_ARN = "arn:aws:iam::123456789012:role/dev";

/**
 * A temp HOME whose `~/.aws/config` has `[profile user]` with the STS emulator's default user keys
 * and `[profile dev]` assuming {@link BENCH_ROLE_ARN} from it; returns the HOME path.
 *
 * @example
 * ```ts
 * const home = writeRoleHome(); // HOME=home AWS_PROFILE=dev → AssumeRole through AWS_ENDPOINT_URL_STS
 * ```
 */
export function writeRoleHome(): string {
  const home = tempDir("credchain-bench-role-home-");
  mkdirSync(join(home, ".aws"));
  writeFileSync(
    join(home, ".aws", "config"),
    [
      "[profile user]",
      "aws_access_key_id = AKIAEMULATORUSER0001",
      "aws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx",
      "",
      "[profile dev]",
      `role_arn = ${BENCH_ROLE_ARN}`,
      "source_profile = user",
      "",
    ].join("\n"),
  );
  return home;
}
