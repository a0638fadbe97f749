import type { HttpRequest, HttpResponse, Transport } from "@credchain/core";

/** What a provider asked for, as a recording transport saw it. */
export interface RecordedRequest {
  url: string;
  /** The region of the SigV4 scope, when the request is signed. */
  signingRegion?: string;
  request: HttpRequest;
}

/**
 * A transport for checking where a provider would send its requests (an AWS endpoint no test may
 * reach): it records each request and answers `status` with an empty body, sending nothing.
 *
 * @example
 * ```ts
 * const { transport, requests } = recordingTransport();
 * await fromAssumeRole({ transport, env: { AWS_DEFAULT_REGION: "eu-west-1" }, … })().catch(() => {});
 * requests[0].url; // "https://sts.eu-west-1.amazonaws.com/"
 * ```
 */
export function recordingTransport(status = 503): { transport: Transport; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const transport: Transport = async (request): Promise<HttpResponse> => {
    const auth = Object.entries(request.headers ?? {}).find(([k]) => k.toLowerCase() === "authorization")?.[1];
    const signingRegion = auth ? /Credential=[^/]+\/\d+\/([^/]+)\//.exec(auth)?.[1] : undefined;
    requests.push({ url: request.url, request, ...(signingRegion && { signingRegion }) });
    return { status, headers: {}, body: "" };
  };
  return { transport, requests };
}
