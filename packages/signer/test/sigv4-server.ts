import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWithAws4, type KeyEntry, type Verdict } from "../test/aws4-verifier.js";

export interface SeenRequest {
  method: string;
  target: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
  verdict: Verdict;
}

/**
 * A loopback HTTP server that checks every request's SigV4 signature with aws4 against a key
 * table: 200 with the body echoed when it verifies, 403 with the reason when not.
 */
export async function startSigV4Server(options: { region: string; service: string; keys: Map<string, KeyEntry> }) {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const target = req.url ?? "/";
      const verdict = verifyWithAws4(
        { method: req.method ?? "GET", target, headers: req.headers, body },
        (id) => options.keys.get(id),
        { region: options.region, service: options.service },
      );
      seen.push({ method: req.method ?? "GET", target, headers: req.headers, body, verdict });
      res.writeHead(verdict.ok ? 200 : 403, { "content-type": "text/plain" });
      res.end(verdict.ok ? body : verdict.reason);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
