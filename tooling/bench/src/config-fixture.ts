import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dirs.js";

/** The files of one INI fixture, and how many profiles the config holds besides `[default]`. */
export interface ConfigFixture {
  profiles: number;
  configFile: string;
  credentialsFile: string;
}

/**
 * Writes an AWS config with `count` role profiles (each with a sub-section) after `[default]`, and
 * a credentials file with keys for `[default]` and for one profile in ten (merged over the config
 * profile of the same name): the shape of a file generated for many accounts.
 *
 * @example
 * ```ts
 * const { configFile, credentialsFile } = writeConfigFixture(1000);
 * ```
 */
export function writeConfigFixture(count: number): ConfigFixture {
  const dir = tempDir("credchain-bench-ini-");
  const config = ["[default]", "region = us-east-1", "output = json", ""];
  const credentials = ["[default]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = bench/secret/not/real/0000000000000000000000", ""];
  for (let i = 0; i < count; i++) {
    config.push(
      `[profile team-${i}]`,
      `region = eu-west-${(i % 3) + 1}`,
      `role_arn = arn:aws:iam::${String(100000000000 + i)}:role/deploy`,
      "source_profile = default",
      `role_session_name = bench-${i}`,
      "s3 =",
      "  max_concurrent_requests = 20",
      "",
    );
    if (i % 10 === 0) {
      credentials.push(`[team-${i}]`, `aws_access_key_id = AKIA${String(i).padStart(16, "0")}`, `aws_secret_access_key = bench/secret/not/real/${String(i).padStart(22, "0")}`, "");
    }
  }
  const configFile = join(dir, "config");
  const credentialsFile = join(dir, "credentials");
  writeFileSync(configFile, config.join("\n"));
  writeFileSync(credentialsFile, credentials.join("\n"));
  return { profiles: count, configFile, credentialsFile };
}
