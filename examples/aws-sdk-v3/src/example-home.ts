import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway HOME: `[default]` holds the STS emulator's user keys (moto accepts any keys, so S3
 * uses them too); profile `deploy` assumes a role with them, as a real role profile would.
 */
export async function makeExampleHome(user: { accessKeyId: string; secretAccessKey: string }): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "credchain-aws-sdk-v3-"));
  await mkdir(join(home, ".aws"));
  await writeFile(
    join(home, ".aws", "credentials"),
    `[default]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
    { mode: 0o600 },
  );
  await writeFile(
    join(home, ".aws", "config"),
    "[default]\nregion = us-east-1\n\n[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = default\nrole_session_name = credchain-example\n",
  );
  return home;
}
