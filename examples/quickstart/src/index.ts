import { rm } from "node:fs/promises";
import { defaultChain } from "@credchain/chain";
import { main } from "@credchain/cli";
import { describeCredentials } from "@credchain/core";
import { makeExampleHome } from "./example-home.js";

const home = await makeExampleHome();
// Only what the demo sets: no AWS_* from your shell, and IMDS off so nothing leaves this machine.
const env = { HOME: home, PATH: process.env.PATH ?? "", AWS_EC2_METADATA_DISABLED: "true" };
const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), env };

try {
  console.log(`credchain quickstart — a temporary HOME at ${home}\n`);

  console.log("1. Library use: defaultChain() resolves like boto3.Session().get_credentials()");
  const credentials = defaultChain({ env });
  console.log(describeCredentials(await credentials()));

  console.log('\n2. credchain explain: every provider in botocore\'s order, and why it was skipped or used');
  await main(["explain"], io);

  console.log("\n3. credchain explain --profile app: credential_process with an expiry (refreshed before it runs out)");
  await main(["explain", "--profile", "app"], io);

  const app = defaultChain({ env, profile: "app" });
  const first = await app();
  const again = await app();
  console.log(`\n4. cached: the second call ran no process (${first === again ? "same" : "new"} credentials object)`);
  app.dispose();
} finally {
  await rm(home, { recursive: true, force: true });
}
