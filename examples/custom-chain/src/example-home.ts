import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// AWS's documented example keys: not real credentials.
const CREDENTIALS = `# written by the credchain custom-chain example
[app]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

const ISSUER = `// A credential_process helper: prints Version 1 JSON that expires in an hour.
console.log(JSON.stringify({
  Version: 1,
  AccessKeyId: "ASIAPROCESSEXAMPLE01",
  SecretAccessKey: "process-example-secret",
  SessionToken: "process-example-token",
  Expiration: new Date(Date.now() + 3600_000).toISOString(),
}));
`;

export interface ExampleHome {
  home: string;
  /** The credential_process command line for the helper, as it would appear in ~/.aws/config. */
  processCommand: string;
}

/** A throwaway HOME with ~/.aws/credentials (profile `app`) and a credential_process helper. */
export async function makeExampleHome(): Promise<ExampleHome> {
  const home = await mkdtemp(join(tmpdir(), "credchain-custom-chain-"));
  await mkdir(join(home, ".aws"));
  await writeFile(join(home, ".aws", "credentials"), CREDENTIALS, { mode: 0o600 });
  await writeFile(join(home, "issue-credentials.mjs"), ISSUER);
  return { home, processCommand: `"${process.execPath}" "${join(home, "issue-credentials.mjs")}"` };
}
