import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySigV4, type KeyEntry, type Verdict } from "./verify-sigv4.js";

/** What AWS answers (403) for an unknown or expired key: the client must never see it. */
export const INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid";

export interface OpenSearchServerOptions {
  region: string;
  /** The key table: which access keys are valid, and until when. */
  lookup: (accessKeyId: string) => KeyEntry | undefined;
  /** Default: `es` (Amazon OpenSearch Service); `aoss` for Serverless. */
  service?: string;
  now?: () => number;
}

/** A request the server saw, with its verdict (no header values: they hold tokens). */
export interface SeenRequest {
  method: string;
  path: string;
  status: number;
  verdict: Verdict;
}

export interface OpenSearchServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

type Doc = Record<string, unknown>;

/**
 * A tiny OpenSearch look-alike on loopback: refuses any request whose SigV4 signature does not
 * verify (403, as Amazon OpenSearch Service does) and serves `GET /`, `GET /_cluster/health`,
 * `PUT|POST /<index>/_doc/<id>`, `GET /<index>/_doc/<id>` and `GET|POST /<index>/_search` from memory.
 *
 * @example
 * ```ts
 * const server = await startOpenSearchServer({ region: "eu-west-1", lookup: (id) => keys.get(id) });
 * const res = await signedFetch(`${server.url}/_cluster/health`); // 200 when the signature verifies
 * await server.close();
 * ```
 */
export async function startOpenSearchServer(options: OpenSearchServerOptions): Promise<OpenSearchServer> {
  const service = options.service ?? "es";
  const now = options.now ?? Date.now;
  const indices = new Map<string, Map<string, { source: Doc; version: number }>>();
  const seen: SeenRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    const path = target.split("?")[0] ?? "/";
    const verdict = verifySigV4({ method, target, headers: req.headers, body }, options.lookup, { region: options.region, service, now: now() });
    const send = (status: number, payload: unknown) => {
      seen.push({ method, path, status, verdict });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (!verdict.ok) {
      // The service's answer for unknown and expired keys alike; a bad signature has its own.
      const message = verdict.reason.startsWith("signature mismatch")
        ? "The request signature we calculated does not match the signature you provided."
        : INVALID_TOKEN_MESSAGE;
      return send(403, { message, reason: verdict.reason });
    }

    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const [index = "", action, id] = parts;
    if (parts.length === 0 && method === "GET") {
      return send(200, { name: "credchain-example", cluster_name: "local", version: { distribution: "opensearch", number: "2.19.0" } });
    }
    if (index === "_cluster" && action === "health" && method === "GET") {
      return send(200, { cluster_name: "local", status: "green", number_of_nodes: 1, active_shards: indices.size });
    }
    if (action === "_doc" && id !== undefined && (method === "PUT" || method === "POST")) {
      let source: Doc;
      try {
        source = JSON.parse(body.toString("utf8")) as Doc;
      } catch {
        return send(400, { error: { type: "mapper_parsing_exception", reason: "failed to parse the document" }, status: 400 });
      }
      const docs = indices.get(index) ?? new Map<string, { source: Doc; version: number }>();
      indices.set(index, docs);
      const version = (docs.get(id)?.version ?? 0) + 1;
      docs.set(id, { source, version });
      return send(version === 1 ? 201 : 200, { _index: index, _id: id, _version: version, result: version === 1 ? "created" : "updated" });
    }
    if (action === "_doc" && id !== undefined && method === "GET") {
      const doc = indices.get(index)?.get(id);
      return send(doc ? 200 : 404, { _index: index, _id: id, found: Boolean(doc), ...(doc && { _version: doc.version, _source: doc.source }) });
    }
    if (action === "_search" && (method === "GET" || method === "POST")) {
      const docs = [...(indices.get(index) ?? new Map<string, { source: Doc }>()).entries()];
      const hits = docs.map(([docId, d]) => ({ _index: index, _id: docId, _score: 1, _source: d.source }));
      return send(200, { took: 1, timed_out: false, hits: { total: { value: hits.length, relation: "eq" }, max_score: 1, hits: hits.slice(0, 10) } });
    }
    return send(404, { error: { type: "not_found", reason: `no handler for ${method} ${path}` }, status: 404 });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks)));
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
