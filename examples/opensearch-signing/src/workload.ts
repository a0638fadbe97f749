import type { Client } from "@opensearch-project/opensearch";
import type { FetchLike } from "@credchain/signer";

/** One worker's tally. */
export interface Tally {
  requests: number;
  /** Why each failed request failed (status and the server's message; never a secret). */
  failures: string[];
}

/**
 * Sends requests through a signed `fetch` until the deadline: cluster health, index a document,
 * search — the calls a long-lived service makes.
 *
 * @example
 * ```ts
 * const tally = await fetchWorker(signedFetch, server.url, 1, Date.now() + 3000);
 * ```
 */
export async function fetchWorker(signedFetch: FetchLike, url: string, worker: number, deadline: number): Promise<Tally> {
  const tally: Tally = { requests: 0, failures: [] };
  for (let i = 0; Date.now() < deadline; i++) {
    const id = `${worker}-${i}`;
    const step = i % 3;
    const res = await (step === 0
      ? signedFetch(`${url}/_cluster/health`)
      : step === 1
        ? signedFetch(`${url}/movies/_doc/${id}`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ title: `Rotation ${id}`, year: 2000 + (i % 25) }),
          })
        : signedFetch(`${url}/movies/_search?size=10`)
    ).catch((e: Error) => e);
    tally.requests++;
    if (res instanceof Error) tally.failures.push(`fetch: ${res.message}`);
    else if (res.status >= 300) tally.failures.push(`fetch: ${res.status} ${await res.text()}`);
    else await res.arrayBuffer();
  }
  return tally;
}

/**
 * The same work through the OpenSearch JavaScript client, signing with its own `AwsSigv4Signer`
 * (credentials from `getCredentials`), until the deadline.
 *
 * @example
 * ```ts
 * const tally = await openSearchClientWorker(client, Date.now() + 3000);
 * ```
 */
export async function openSearchClientWorker(client: Client, deadline: number): Promise<Tally> {
  const tally: Tally = { requests: 0, failures: [] };
  for (let i = 0; Date.now() < deadline; i++) {
    const step = i % 3;
    try {
      tally.requests++;
      if (step === 0) await client.cluster.health();
      else if (step === 1) await client.index({ index: "movies", id: `client-${i}`, body: { title: `Client ${i}`, year: 2024 } });
      else await client.search({ index: "movies", body: { query: { match_all: {} } } });
    } catch (e) {
      const err = e as Error & { meta?: { statusCode?: number; body?: unknown } };
      tally.failures.push(`opensearch client: ${err.meta?.statusCode ?? ""} ${JSON.stringify(err.meta?.body ?? err.message)}`);
    }
  }
  return tally;
}
