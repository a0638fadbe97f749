import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A key and certificate (PEM), and the certificate's path for NODE_EXTRA_CA_CERTS / AWS_CA_BUNDLE. */
export interface SelfSignedCert {
  key: string;
  cert: string;
  /** The certificate written to a file; removed by `remove()`. */
  certFile: string;
  remove(): void;
}

/**
 * A self-signed certificate for `names` (DNS names; IP addresses as `IP:…`), made with openssl at
 * test time, so no key is ever committed. Trust it with a transport's `ca`, NODE_EXTRA_CA_CERTS
 * (Node) or AWS_CA_BUNDLE (botocore).
 *
 * @example
 * ```ts
 * const tls = selfSignedCert(["sts.example.test", "IP:127.0.0.1"]);
 * const sts = await startSts({ tls });
 * afterAll(() => tls.remove());
 * ```
 */
export function selfSignedCert(names: string[] = ["sts.example.test", "localhost", "IP:127.0.0.1"]): SelfSignedCert {
  const dir = mkdtempSync(join(tmpdir(), "credchain-cert-"));
  const [keyFile, certFile] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  const san = names.map((n) => (n.startsWith("IP:") ? n : `DNS:${n}`)).join(",");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=credchain-test", "-addext", `subjectAltName=${san}`, "-keyout", keyFile, "-out", certFile],
    { stdio: "ignore" },
  );
  const key = readFileSync(keyFile, "utf8");
  const cert = readFileSync(certFile, "utf8");
  rmSync(keyFile);
  return { key, cert, certFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
