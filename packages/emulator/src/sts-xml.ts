import type { HandlerResponse } from "./emulator-server.js";

/** The namespace every STS response carries. */
export const STS_XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

const XML_HEADERS = { "content-type": "text/xml" };

/** Escapes text for an XML element body: `&`, `<`, `>` (quotes need none there, and STS leaves them). */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt" }[c]};`);
}

/** A nested element tree: strings become escaped text, objects nested elements, undefined is left out. */
export type XmlTree = { [element: string]: string | number | XmlTree | undefined };

function render(tree: XmlTree): string {
  let out = "";
  for (const [name, value] of Object.entries(tree)) {
    if (value === undefined) continue;
    out += typeof value === "object" ? `<${name}>${render(value)}</${name}>` : `<${name}>${xmlEscape(String(value))}</${name}>`;
  }
  return out;
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`, as STS answers. */
export function stsSuccess(action: string, result: XmlTree, requestId: string): HandlerResponse {
  const body =
    `<${action}Response xmlns="${STS_XMLNS}">\n` +
    `  <${action}Result>${render(result)}</${action}Result>\n` +
    `  <ResponseMetadata><RequestId>${xmlEscape(requestId)}</RequestId></ResponseMetadata>\n` +
    `</${action}Response>\n`;
  return { status: 200, headers: XML_HEADERS, body };
}

/** The HTTP status real STS uses for each error code it sends (400 for anything else). */
const ERROR_STATUS: Record<string, number> = {
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  MissingAuthenticationToken: 403,
  RegionDisabledException: 403,
  IDPRejectedClaim: 403,
  InternalFailure: 500,
  ServiceUnavailable: 503,
};

/**
 * An STS error response: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * Pass it to `fault()` to make an action fail that way, e.g. `sts.fault("AssumeRole", stsError("Throttling"))`.
 *
 * @example
 * ```ts
 * sts.fault("AssumeRole", stsError("Throttling", "Rate exceeded"), { times: 2 });
 * sts.fault("*", stsError("RegionDisabledException", "STS is not activated in this region"));
 * ```
 */
export function stsError(code: string, message = code, status = ERROR_STATUS[code] ?? 400, requestId = "00000000-0000-4000-8000-000000000000") {
  const type = status >= 500 ? "Receiver" : "Sender";
  const body =
    `<ErrorResponse xmlns="${STS_XMLNS}">\n` +
    `  <Error>\n    <Type>${type}</Type>\n    <Code>${xmlEscape(code)}</Code>\n    <Message>${xmlEscape(message)}</Message>\n  </Error>\n` +
    `  <RequestId>${xmlEscape(requestId)}</RequestId>\n` +
    `</ErrorResponse>\n`;
  return { status, headers: { ...XML_HEADERS }, body } satisfies HandlerResponse;
}
