import { execFile, spawnSync } from "node:child_process";
import { request } from "node:http";
import { connect as tlsConnect } from "node:tls";
import { promisify } from "node:util";
import { selfSignedCert } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startImds } from "../src/start-imds.js";
import { startProxy, type ProxyEmulator } from "../src/start-proxy.js";
import { startSts, type StsEmulator } from "../src/start-sts.js";

const tls = selfSignedCert();
let sts: StsEmulator;
let proxy: ProxyEmulator;
let strict: ProxyEmulator;
beforeAll(async () => {
  [sts, proxy, strict] = await Promise.all([startSts({ tls }), startProxy(), startProxy({ credentials: { username: "corp", password: "pa:ss" } })]);
});
afterAll(async () => {
  await Promise.all([sts.close(), proxy.close(), strict.close()]);
  tls.remove();
});

/** One CONNECT to the proxy; resolves the status line, and the TLS peer's certificate subject when it was 200. */
function tunnel(via: ProxyEmulator, authority: string, headers: Record<string, string> = {}): Promise<{ status: number; peer?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${via.url}`, { method: "CONNECT", path: authority, headers: { host: authority, ...headers } });
    req.on("connect", (res, socket) => {
      if (res.statusCode !== 200) return socket.destroy(), resolve({ status: res.statusCode ?? 0 });
      const secure = tlsConnect({ socket, servername: authority.split(":")[0], ca: tls.cert }, () => {
        resolve({ status: 200, peer: secure.getPeerCertificate().subjectaltname });
        secure.destroy();
      });
      secure.on("error", reject);
    });
    req.on("error", reject).end();
  });
}

describe(startProxy.name, () => {
  it("opens a CONNECT tunnel to a name only it resolves, and logs it", async () => {
    expect(sts.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { status, peer } = await tunnel(proxy, `sts.example.test:${sts.port}`);
    expect(status).toBe(200);
    expect(peer).toContain("DNS:sts.example.test");
    expect(proxy.requests.at(-1)).toMatchObject({ line: `CONNECT sts.example.test:${sts.port}`, status: 200 });
  });

  it("forwards plain http in absolute form, without Proxy-Authorization", async () => {
    const imds = await startImds();
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const target = `http://imds.example.test:${imds.port}/latest/meta-data/placement/region`;
        request(proxy.url, { path: target, headers: { host: `imds.example.test:${imds.port}`, "proxy-authorization": "Basic eDp5" } }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c)).on("end", () => resolve(text));
        })
          .on("error", reject)
          .end();
      });
      expect(body).toBe("us-east-1");
      expect(proxy.requests.at(-1)).toMatchObject({ line: `GET http://imds.example.test:${imds.port}/latest/meta-data/placement/region`, status: 200 });
      expect(imds.requests.at(-1)?.headers).not.toHaveProperty("proxy-authorization");
    } finally {
      await imds.close();
    }
  });

  it("refuses names it does not resolve (nothing leaves the machine), and demands credentials when given them", async () => {
    expect((await tunnel(proxy, "sts.amazonaws.com:443")).status).toBe(502);
    expect((await tunnel(strict, `sts.example.test:${sts.port}`)).status).toBe(407);
    const auth = `Basic ${Buffer.from("corp:pa:ss").toString("base64")}`;
    expect((await tunnel(strict, `sts.example.test:${sts.port}`, { "proxy-authorization": auth })).status).toBe(200);
    expect(strict.requests.map((r) => r.status)).toEqual([407, 200]);
  });
});

// The reference: botocore sends STS calls through HTTPS_PROXY with CONNECT, with the proxy URL's
// user and password as Proxy-Authorization, which is what credchain's httpTransport does.
const hasAwsCli = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;

describe.runIf(hasAwsCli)("botocore through the proxy", () => {
  it("tunnels GetCallerIdentity to the STS emulator over TLS, authenticating to the proxy", async () => {
    const before = sts.calls.length;
    const proxyUrl = strict.url.replace("//", "//corp:pa%3Ass@");
    const { stdout } = await promisify(execFile)("aws", ["sts", "get-caller-identity", "--output", "json"], {
      env: {
        PATH: process.env.PATH,
        HOME: "/nonexistent",
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_ACCESS_KEY_ID: sts.users[0]!.accessKeyId,
        AWS_SECRET_ACCESS_KEY: sts.users[0]!.secretAccessKey,
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_ENDPOINT_URL_STS: `https://sts.example.test:${sts.port}`,
        AWS_CA_BUNDLE: tls.certFile,
        HTTPS_PROXY: proxyUrl,
      },
    });
    expect(JSON.parse(stdout).Arn).toBe(sts.users[0]!.arn);
    expect(sts.calls.slice(before).map((c) => c.action)).toEqual(["GetCallerIdentity"]);
    expect(strict.requests.at(-1)).toMatchObject({ line: `CONNECT sts.example.test:${sts.port}`, status: 200, proxyAuthorization: `Basic ${Buffer.from("corp:pa:ss").toString("base64")}` });
  });
});
