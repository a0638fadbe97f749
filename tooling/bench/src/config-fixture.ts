import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dirs.js";

/** Writes an AWS config with `count` profiles (and an empty credentials file); returns both paths. */
export function writeConfigFixture(count: number): { configFile: string; credentialsFile: string } {
  const dir = tempDir("credchain-bench-ini-");
  const lines = ["[default]", "region = us-east-1", "output = json", ""];
  for (let i = 0; i < count; i++) {
    lines.push(
      `[profile team-${i}]`,
      `region = eu-west-${(i % 3) + 1}`,
      `role_arn = arn:aws:iam::${String(100000000000 + i)}:role/deploy`,
      "source_profile = default",
      `role_session_name = bench-${i}`,
      "s3 =",
      "  max_concurrent_requests = 20",
      "",
    );
  }
  const configFile = join(dir, "config");
  const credentialsFile = join(dir, "credentials");
  writeFileSync(configFile, lines.join("\n"));
  writeFileSync(credentialsFile, "");
  return { configFile, credentialsFile };
}
