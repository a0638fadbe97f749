import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// AWS's documented example keys: not real credentials.
const CREDENTIALS = `# written by the credchain quickstart
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

const ISSUER = `// A credential_process helper: prints Version 1 JSON that expires in an hour.
const expires = new Date(Date.now() + 3600_000).toISOString();
console.log(JSON.stringify({
  Version: 1,
  AccessKeyId: "ASIAQUICKSTARTEXAMPLE",
  SecretAccessKey: "quickstart-example-secret",
  SessionToken: "quickstart-example-token",
  Expiration: expires,
}));
`;

function config(home: string): string {
  return `[default]
region = eu-west-1

[profile app]
region = eu-central-1
credential_process = "${process.execPath}" "${join(home, "issue-credentials.mjs")}"
`;
}

/** A throwaway HOME with ~/.aws/credentials, ~/.aws/config and a credential_process helper. */
export async function makeExampleHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "credchain-quickstart-"));
  await mkdir(join(home, ".aws"));
  await writeFile(join(home, ".aws", "credentials"), CREDENTIALS, { mode: 0o600 });
  await writeFile(join(home, ".aws", "config"), config(home));
  await writeFile(join(home, "issue-credentials.mjs"), ISSUER);
  return home;
}
