import { createHash } from "node:crypto";
import { startSso } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { defaultChain } from "../src/index.js";
import { envFor, homeWith } from "./home.js";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const CONFIG = `[profile dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = credchain-emulator-role
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
`;

describe("defaultChain with SSO profiles", () => {
  it("reads the AWS CLI's token cache and gets role credentials from the portal", async () => {
    const sso = await startSso();
    try {
      const token = { accessToken: "emulator-sso-access-token", expiresAt: "2099-01-01T00:00:00Z", region: "eu-west-1", startUrl: "https://corp.awsapps.com/start" };
      const home = await homeWith({ ".aws/config": CONFIG, [`.aws/sso/cache/${sha1("corp")}.json`]: JSON.stringify(token) });
      const provider = defaultChain({ env: envFor(home, sso.env), profile: "dev" });
      const c = await provider();
      expect(c).toMatchObject({ source: "sso", accountId: "123456789012" });
      expect(c.expiration).toBeInstanceOf(Date);
      const trace = await provider.explain();
      const used = trace.attempts.find((a) => a.source === "sso");
      expect(used?.outcome).toBe("used");
      expect(used?.reason).toContain(`${sha1("corp")}.json, token expires 2099-01-01T00:00:00Z`);
      expect(JSON.stringify(trace.attempts)).not.toContain("emulator-sso-access-token");
      provider.dispose();
    } finally {
      await sso.close();
    }
  });

  it("says which login command to run when the cache has no token, naming the cache file", async () => {
    const home = await homeWith({ ".aws/config": CONFIG });
    const trace = await defaultChain({ env: envFor(home), profile: "dev" }).explain();
    const sso = trace.attempts.find((a) => a.source === "sso");
    expect(sso?.outcome).toBe("failed");
    expect(sso?.reason).toContain("aws sso login --sso-session corp");
    expect(JSON.stringify(sso?.lookedAt)).toContain(`${sha1("corp")}.json`);
  });

  it("refuses incomplete SSO settings with InvalidConfig naming what is missing", async () => {
    const home = await homeWith({ ".aws/config": "[profile p]\nsso_account_id = 123456789012\nsso_role_name = r\n" });
    await expect(defaultChain({ env: envFor(home), profile: "p" })()).rejects.toMatchObject({ code: "InvalidConfig", message: expect.stringContaining("sso_start_url") });
  });
});
