import type { SsoRequest } from "./emulators.js";

/**
 * One request to the SSO portal or SSO-OIDC in the call graph a scenario compares: which service,
 * which operation (method and path), its query parameters and the status sent. No headers and no
 * body: the bearer token, the client secret and the refresh token never get into a fixture.
 */
export interface SsoCallRecord {
  service: "sso" | "sso-oidc";
  method: string;
  path: string;
  /** The query parameters (GetRoleCredentials: `account_id`, `role_name`), keys sorted. */
  params: Record<string, string>;
  /** The status sent; absent when the emulator reset the connection. */
  status?: number;
}

/**
 * The SSO emulators' requests as the comparable call graph, in the order they were answered.
 *
 * @example
 * ```ts
 * ssoCallGraph(emulators.ssoRequests);
 * // [{ service: "sso-oidc", method: "POST", path: "/token", params: {}, status: 200 },
 * //  { service: "sso", method: "GET", path: "/federation/credentials",
 * //    params: { account_id: "111122223333", role_name: "Developer" }, status: 200 }]
 * ```
 */
export function ssoCallGraph(requests: readonly SsoRequest[]): SsoCallRecord[] {
  return requests.map(({ service, record }) => {
    const params = [...new URLSearchParams(record.query)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      service,
      method: record.method,
      path: record.path,
      params: Object.fromEntries(params),
      ...(record.status !== undefined && { status: record.status }),
    };
  });
}

/** The differences between botocore's SSO call graph and credchain's, one line per call that differs (by position). */
export function compareSsoCalls(botocore: readonly SsoCallRecord[], credchain: readonly SsoCallRecord[]): string[] {
  const differences: string[] = [];
  const n = Math.max(botocore.length, credchain.length);
  for (let i = 0; i < n; i++) {
    const a = botocore[i] === undefined ? undefined : JSON.stringify(botocore[i]);
    const b = credchain[i] === undefined ? undefined : JSON.stringify(credchain[i]);
    if (a !== b) differences.push(`SsoCalls[${i}]: botocore ${a ?? "(no call)"}, credchain ${b ?? "(no call)"}`);
  }
  return differences;
}
