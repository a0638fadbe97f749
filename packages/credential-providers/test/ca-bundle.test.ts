import { startSts, type StsEmulator } from "@credchain/emulator";
import { rejection, selfSignedCert } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith } from "./homes.js";
import { fromIni } from "../src/from-ini.js";
import { fromWebToken } from "../src/from-web-token.js";

// STS over TLS with a certificate only a CA bundle trusts: the profile's ca_bundle reaches the
// STS calls of these providers as it reaches credchain's own (AWS_CA_BUNDLE through env).
const tls = selfSignedCert();
let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts({ tls, webIdentityTokens: ["good-web-token"] });
});
afterAll(async () => {
  await sts.close();
  tls.remove();
});

const ROLE = "arn:aws:iam::123456789012:role/web";

describe("the CA bundle (botocore's ca_bundle) in the SDK-named providers", () => {
  it("fromWebToken trusts the profile's ca_bundle; without it, the certificate is refused", async () => {
    const home = await homeWith({ ".aws/config": `[default]\nca_bundle = ${tls.certFile}\n` });
    expect(await fromWebToken({ env: home.env(sts.env), roleArn: ROLE, webIdentityToken: "good-web-token" })()).toMatchObject({ source: "assume-role-with-web-identity" });
    const bare = await homeWith({});
    const e = await rejection(fromWebToken({ env: bare.env(sts.env), roleArn: ROLE, webIdentityToken: "good-web-token", clientConfig: { maxAttempts: 1 } })());
    expect(e.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it("fromIni's role profile trusts the profile's ca_bundle", async () => {
    const home = await homeWith({
      ".aws/config": `[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = user\nca_bundle = ${tls.certFile}\n[profile user]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n`,
    });
    expect(await fromIni({ env: home.env(sts.env), profile: "dev" })()).toMatchObject({ source: "assume-role" });
  });
});
