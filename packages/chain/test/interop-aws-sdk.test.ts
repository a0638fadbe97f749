import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startSts } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { defaultChain } from "../src/index.js";
import { envFor, homeWith } from "./home.js";

describe("AWS SDK v3 interop", () => {
  it("STSClient takes defaultChain() as its credentials and GetCallerIdentity succeeds against the emulator", async () => {
    const sts = await startSts();
    try {
      const home = await homeWith({
        ".aws/credentials": "[default]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n",
      });
      const credentials = defaultChain({ env: envFor(home) });
      const client = new STSClient({ region: "us-east-1", endpoint: sts.url, credentials });
      const id = await client.send(new GetCallerIdentityCommand({}));
      expect(id).toMatchObject({ Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/credchain-emulator" });
      expect(sts.calls.at(-1)).toMatchObject({ action: "GetCallerIdentity", accessKeyId: "AKIAEMULATORUSER0001", status: 200 });
      client.destroy();
      credentials.dispose();
    } finally {
      await sts.close();
    }
  });

  it("an assumed role from the chain signs the SDK's calls", async () => {
    const sts = await startSts();
    try {
      const home = await homeWith({
        ".aws/config":
          "[profile user]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = user\n",
      });
      const credentials = defaultChain({ env: envFor(home, { ...sts.env, AWS_DEFAULT_REGION: "us-east-1" }), profile: "dev" });
      const client = new STSClient({ region: "us-east-1", endpoint: sts.url, credentials });
      const id = await client.send(new GetCallerIdentityCommand({}));
      expect(id.Arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/dev\//);
      client.destroy();
      credentials.dispose();
    } finally {
      await sts.close();
    }
  });
});
