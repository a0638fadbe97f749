import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { maskAccessKeyId } from "@credchain/core";
import { fromContainerMetadata } from "@credchain/provider-container";
import { withRefresh } from "@credchain/refresh-manager";
import { createSignedFetch } from "@credchain/signer";
import { Client } from "@opensearch-project/opensearch";
import { AwsSigv4Signer } from "@opensearch-project/opensearch/aws";
import { INVALID_TOKEN_MESSAGE, startOpenSearchServer } from "./opensearch-server.js";
import { startRotatingContainer } from "./rotating-container.js";
import { fetchWorker, openSearchClientWorker, type Tally } from "./workload.js";

export { startOpenSearchServer, INVALID_TOKEN_MESSAGE, type OpenSearchServer, type OpenSearchServerOptions } from "./opensearch-server.js";
export { verifySigV4, type KeyEntry, type Verdict } from "./verify-sigv4.js";

export interface MainOptions {
  /** How long to send requests. Default: 4000 ms. */
  durationMs?: number;
  /** How often the emulator rotates the credentials it serves. Default: 250 ms. */
  rotateEveryMs?: number;
  /**
   * Lifetime of each credential set (rounded up to a whole second). Default: 2000 ms: the refresh
   * windows (a quarter and a sixth of it) leave a loaded machine a third of a second between
   * signing and the server's check.
   */
  lifetimeMs?: number;
  /** Concurrent `createSignedFetch` workers; one more worker uses the OpenSearch client. Default: 3. */
  fetchWorkers?: number;
  region?: string;
  /** Where progress lines go. Default: `console.log`. */
  log?: (line: string) => void;
}

export interface Summary {
  /** Requests sent by all workers. */
  requests: number;
  /** Requests that did not succeed: must be 0. */
  failures: number;
  /** The first few failure messages, for diagnosis. */
  failureSamples: string[];
  /** Credential rotations the emulator performed during the run. */
  rotations: number;
  /** Distinct access keys the server accepted: the rotations the clients picked up. */
  keysUsed: number;
  /** Calls to the container endpoint: refreshes, not one per request. */
  credentialFetches: number;
  /** The part of `requests` sent through `@opensearch-project/opensearch` with `AwsSigv4Signer`. */
  openSearchClient: { requests: number; failures: number };
  /** A control request signed with the first, by then expired, key was refused with 403. */
  expiredKeyRefused: boolean;
}

/**
 * A long-lived SigV4-signed OpenSearch client that survives credential rotation: credentials
 * from the (emulated) ECS / EKS container endpoint, cached and refreshed before they expire, sign
 * a steady stream of requests — through `createSignedFetch` and through the OpenSearch client's
 * `AwsSigv4Signer` — to a local OpenSearch look-alike that verifies every signature and refuses
 * expired keys, while the endpoint rotates the credentials several times a second.
 *
 * @example
 * ```ts
 * const summary = await main({ durationMs: 2000 });
 * console.log(summary.failures); // 0
 * ```
 */
export async function main(options: MainOptions = {}): Promise<Summary> {
  const durationMs = options.durationMs ?? 4000;
  const region = options.region ?? "eu-west-1";
  const log = options.log ?? ((line: string) => console.log(line));
  const rc = await startRotatingContainer({ lifetimeMs: options.lifetimeMs ?? 2000, authorizationToken: "credchain-example-token" });
  const server = await startOpenSearchServer({ region, lookup: (id) => rc.keys.get(id) });

  // Only the container variables: nothing from the shell's environment is read.
  const fromContainer = fromContainerMetadata({ env: rc.container.env });
  // One cache for both clients. createSignedFetch would wrap a bare provider in this same
  // withRefresh itself; wrapping here lets the OpenSearch client's getCredentials share it.
  const credentials = withRefresh(fromContainer);

  const signedFetch = createSignedFetch({ credentials, region, service: "es" });
  const client = new Client({
    ...AwsSigv4Signer({ region, service: "es", getCredentials: () => credentials() }),
    node: server.url,
    maxRetries: 0, // a refused request must show up as a failure, not be retried away
  });

  log(`OpenSearch look-alike at ${server.url} (SigV4 verified with aws4, expired keys refused)`);
  log(`container credentials endpoint at ${rc.container.fullUri}, rotating every ${options.rotateEveryMs ?? 250} ms`);
  log(`sending requests for ${durationMs} ms …`);

  const deadline = Date.now() + durationMs;
  const rotation = setInterval(rc.rotate, options.rotateEveryMs ?? 250);
  let tallies: Tally[];
  let clientTally: Tally;
  try {
    const workers = Array.from({ length: options.fetchWorkers ?? 3 }, (_, i) => fetchWorker(signedFetch, server.url, i + 1, deadline));
    [clientTally, ...tallies] = await Promise.all([openSearchClientWorker(client, deadline), ...workers]);
    tallies.push(clientTally);
    const expiredKeyRefused = await controlWithExpiredKey(rc.keys, server.url, region);

    const accepted = new Set(server.seen.flatMap((r) => (r.verdict.ok ? [r.verdict.accessKeyId] : [])));
    const failures = tallies.flatMap((t) => t.failures);
    const summary: Summary = {
      requests: tallies.reduce((n, t) => n + t.requests, 0),
      failures: failures.length,
      failureSamples: failures.slice(0, 5),
      rotations: rc.rotations,
      keysUsed: accepted.size,
      credentialFetches: rc.container.requests.length,
      openSearchClient: { requests: clientTally.requests, failures: clientTally.failures.length },
      expiredKeyRefused,
    };
    log("");
    log(`requests:            ${summary.requests} (${summary.openSearchClient.requests} through the OpenSearch client)`);
    log(`failures:            ${summary.failures}`);
    for (const f of summary.failureSamples) log(`  ${f}`);
    log(`rotations:           ${summary.rotations} in the emulator`);
    log(`keys used:           ${summary.keysUsed} (${[...accepted].map(maskAccessKeyId).join(", ")})`);
    log(`credential fetches:  ${summary.credentialFetches} (refreshes, not one per request)`);
    log(`expired key refused: ${expiredKeyRefused ? "yes (403)" : "NO"}`);
    return summary;
  } finally {
    clearInterval(rotation);
    credentials.dispose();
    await client.close();
    await server.close();
    await rc.close();
  }
}

/** Signs one request with the first key issued, once it has expired: the server must refuse it. */
async function controlWithExpiredKey(keys: Map<string, { secretAccessKey: string; sessionToken?: string | undefined; expiresAt: number }>, url: string, region: string) {
  const [accessKeyId, first] = [...keys.entries()][0]!;
  const wait = first.expiresAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 10));
  const stale = createSignedFetch({
    credentials: async () => ({ accessKeyId, secretAccessKey: first.secretAccessKey, sessionToken: first.sessionToken, source: "explicit" }),
    refresh: false,
    region,
    service: "es",
  });
  const res = await stale(`${url}/_cluster/health`);
  const body = (await res.json()) as { message?: string };
  return res.status === 403 && body.message === INVALID_TOKEN_MESSAGE;
}

// `node dist/index.js`: run and exit non-zero unless the run was clean.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const summary = await main();
  process.exitCode = summary.failures === 0 && summary.expiredKeyRefused && summary.keysUsed > 1 ? 0 : 1;
}
