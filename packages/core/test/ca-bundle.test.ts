import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileLayer } from "./profile-layer.js";
import { exampleTestLookup, selfSignedCert, startOrigin, startTestProxy, type Running, type TestProxy } from "./servers.js";
import { readCaBundle } from "../src/ca-bundle.js";
import { resolveContext } from "../src/context.js";
import { resolveDirectContext } from "../src/direct-context.js";
import { httpTransport } from "../src/http-transport.js";
import { readRegularFile } from "../src/read-regular-file.js";
import type { TransportError } from "../src/transport.js";

// Real files in a temp dir and a real HTTPS origin with a certificate made here: the bundle
// trusted is the only thing that differs between a request that passes and one that fails.
const tls = selfSignedCert();
const other = selfSignedCert();
const dir = mkdtempSync(join(tmpdir(), "credchain-ca-"));
const at = (name: string) => join(dir, name);
let secure: Running;
let plain: Running;
let proxy: TestProxy;

beforeAll(async () => {
  writeFileSync(at("ca.pem"), tls.cert);
  writeFileSync(at("other.pem"), other.cert);
  writeFileSync(at("both.pem"), other.cert + tls.cert);
  writeFileSync(at("garbage.pem"), "not a certificate\n");
  writeFileSync(at("huge.pem"), "");
  truncateSync(at("huge.pem"), 16 * 1024 * 1024 + 1);
  execFileSync("mkfifo", [at("fifo")]);
  [secure, plain, proxy] = await Promise.all([startOrigin(tls), startOrigin(), startTestProxy()]);
});
afterAll(async () => {
  await Promise.all([secure.close(), plain.close(), proxy.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const get = (transport: ReturnType<typeof httpTransport>, url = `${secure.url}/sts`) => transport({ method: "GET", url, timeoutMs: 5000 });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as TransportError);

describe(readCaBundle.name, () => {
  it("reads the PEM text of a bundle", async () => {
    expect(await readCaBundle({ path: at("both.pem") })).toBe(other.cert + tls.cert);
  });

  it.each([
    ["missing.pem", "does not exist"],
    ["", "is a directory"],
    ["fifo", "is not a regular file (a FIFO)"],
    ["huge.pem", "is over credchain's 16 MiB cap for this file (not read)"],
    ["garbage.pem", "holds no PEM certificate"],
  ])("fails for %j, naming the file and who named it: %s", async (name, why) => {
    const error = await readCaBundle({ path: at(name), from: "env AWS_CA_BUNDLE" }).catch((e: Error) => e);
    expect((error as Error).message).toBe(`the CA bundle ${at(name)} named by env AWS_CA_BUNDLE ${why}`);
  });
});

describe("httpTransport with caBundle", () => {
  it("trusts the bundle's certificates, and only them (urllib3's ca_certs replaces the default store)", async () => {
    expect((await get(httpTransport({ caBundle: at("ca.pem") }))).status).toBe(201);
    expect((await get(httpTransport({ caBundle: at("both.pem") }))).status).toBe(201);
    const e = await failure(get(httpTransport({ caBundle: { path: at("other.pem"), from: "env AWS_CA_BUNDLE" } })));
    expect(e).toMatchObject({ kind: "network" });
    expect(e?.detail).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(e?.detail).toContain(`trusting only the CA bundle ${at("other.pem")} named by env AWS_CA_BUNDLE`);
  });

  it("reads the file once, on the first https: request, and not for http:", async () => {
    const reads: string[] = [];
    const readFile: typeof readRegularFile = (path, options) => (reads.push(path), readRegularFile(path, options));
    const transport = httpTransport({ caBundle: { path: at("ca.pem"), readFile } });
    expect((await get(transport, `${plain.url}/x`)).status).toBe(201);
    expect(reads).toEqual([]);
    for (let i = 0; i < 3; i++) expect((await get(transport)).status).toBe(201);
    expect(reads).toEqual([at("ca.pem")]);
  });

  it("fails a request with kind config when the file cannot be read, and reads it again next time", async () => {
    const path = at("later.pem");
    const transport = httpTransport({ caBundle: { path, from: `profile "corp" ca_bundle` } });
    const e = await failure(get(transport));
    expect(e).toMatchObject({ name: "TransportError", kind: "config", detail: `the CA bundle ${path} named by profile "corp" ca_bundle does not exist` });
    expect(e?.message).toContain(path);
    writeFileSync(path, tls.cert);
    expect((await get(transport)).status).toBe(201);
  });

  it("verifies the server at the end of an HTTPS_PROXY tunnel with the bundle", async () => {
    const transport = httpTransport({ env: { HTTPS_PROXY: proxy.url }, caBundle: at("ca.pem"), lookup: exampleTestLookup });
    expect((await get(transport, `${secure.url.replace("127.0.0.1", "sts.example.test")}/sts`)).status).toBe(201);
    expect(proxy.log).toEqual([`CONNECT sts.example.test:${secure.port}`]);
  });

  it("keeps an explicit `ca` over the bundle (the file is never read)", async () => {
    expect((await get(httpTransport({ ca: tls.cert, caBundle: at("missing.pem") }))).status).toBe(201);
  });

  it("does not add NODE_EXTRA_CA_CERTS to the bundle: the bundle replaces every other authority", async () => {
    const script = `
      import { httpTransport } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
      const get = (t) => t({ method: "GET", url: ${JSON.stringify(`${secure.url}/x`)}, timeoutMs: 5000 }).then((r) => r.status, (e) => e.kind);
      console.log(await get(httpTransport()), await get(httpTransport({ caBundle: ${JSON.stringify(at("other.pem"))} })));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: at("ca.pem") } });
    expect(stdout.trim()).toBe("201 network");
  });
});

describe(`${resolveContext.name}: the default transport's CA bundle`, () => {
  const status = (init: Parameters<typeof resolveContext>[0]) => get(resolveContext(init).transport).then((r) => r.status, (e: TransportError) => e.detail);

  it("trusts env AWS_CA_BUNDLE, else the profile's ca_bundle, else env REQUESTS_CA_BUNDLE (botocore's order)", async () => {
    const profile = (file: string) => profileLayer(`[profile corp]\nca_bundle = ${file}\n`, "corp");
    expect(await status({ env: { AWS_CA_BUNDLE: at("ca.pem") } })).toBe(201);
    expect(await status({ env: {}, profileSettings: profile(at("ca.pem")) })).toBe(201);
    expect(await status({ env: { REQUESTS_CA_BUNDLE: at("ca.pem") } })).toBe(201);
    expect(await status({ env: { AWS_CA_BUNDLE: at("other.pem") }, profileSettings: profile(at("ca.pem")) })).toMatch(/named by env AWS_CA_BUNDLE$/);
    expect(await status({ env: { REQUESTS_CA_BUNDLE: at("ca.pem") }, profileSettings: profile(at("missing.pem")) })).toBe(`the CA bundle ${at("missing.pem")} named by profile "corp" ca_bundle does not exist`);
    expect(await status({ env: { REQUESTS_CA_BUNDLE: at("missing.pem") } })).toMatch(/named by env REQUESTS_CA_BUNDLE does not exist$/);
    expect(await status({ env: {} })).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it("expands ~ in the path with the context's home directory, as urllib3 does", async () => {
    expect(await status({ env: { AWS_CA_BUNDLE: "~/ca.pem" }, homedir: dir })).toBe(201);
  });

  it('reads "" as unset (botocore would verify nothing: credchain never turns verification off)', async () => {
    expect(await status({ env: { AWS_CA_BUNDLE: "" }, profileSettings: profileLayer(`[default]\nca_bundle = ${at("ca.pem")}\n`) })).toBe(201);
    expect(await status({ env: { AWS_CA_BUNDLE: "", REQUESTS_CA_BUNDLE: "" } })).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it("leaves a transport given in code alone (botocore's explicit verify wins)", async () => {
    expect(await status({ env: { AWS_CA_BUNDLE: at("missing.pem") }, transport: httpTransport({ ca: tls.cert }) })).toBe(201);
  });

  it("is never read by the metadata endpoints' context (IMDS, container), as botocore's fetchers never read it", async () => {
    const reads: string[] = [];
    const readFile: typeof readRegularFile = (path, options) => (reads.push(path), readRegularFile(path, options));
    const { transport } = resolveDirectContext({ env: { AWS_CA_BUNDLE: at("ca.pem") }, readFile, profileSettings: profileLayer(`[default]\nca_bundle = ${at("ca.pem")}\n`) });
    expect((await get(transport, `${plain.url}/latest/api/token`)).status).toBe(201);
    expect((await failure(get(transport)))?.kind).toBe("network");
    expect(reads).toEqual([]);
  });
});
