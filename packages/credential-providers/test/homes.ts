import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { afterAll } from "vitest";

/** A temp HOME with these files, removed after the file's tests; `env` is its environment (plus `extra`). */
export async function homeWith(files: Record<string, string>): Promise<TempHome & { env: (extra?: Record<string, string>) => Record<string, string> }> {
  const home = await makeTempHome("credchain-cp-");
  await home.write(files);
  afterAll(() => home.remove());
  return Object.assign(home, { env: (extra: Record<string, string> = {}) => ({ HOME: home.dir, AWS_EC2_METADATA_DISABLED: "true", ...extra }) });
}

export const USER_PROFILE = "[profile user]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/dev";
