import { CredchainError, type Credentials } from "@credchain/core";
import { invalidInput } from "./errors.js";

// RFC 9110 `token` (header names, methods) and `field-value` (VCHAR, obs-text, SP, HTAB): what
// fetch, undici and node:http accept. Anything else (CR, LF, NUL, code points above U+00FF) is
// refused before signing, as it would split the request or be refused by the client after it.
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const NOT_FIELD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
// A request target may carry a raw space or UTF-8 (the SigV4 suite signs such lines); never a
// control character, which would end the request line.
const NOT_TARGET = /[\x00-\x1f\x7f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `CR (U+000D)`: the character named, never the text around it. */
function describeChar(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0;
  const names: Record<number, string> = { 0: "NUL", 9: "TAB", 10: "LF", 13: "CR", 32: "a space", 127: "DEL" };
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = names[code] ?? (code < 0x20 ? "a control character" : code > 0xff ? "a character above U+00FF" : "a character");
  return `${name} (${hex}) at index ${index}`;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The index of the first character of `text` that is not an HTTP token character, or -1. */
function firstNonToken(text: string): number {
  if (TOKEN.test(text)) return -1;
  for (let i = 0; i < text.length; i++) if (!TOKEN_CHAR.test(text[i] as string)) return i;
  return 0;
}

/** The part of a name before its first bad character, shown in quotes: never past it, where an injected line would start. */
function prefix(text: string, bad: number): string {
  return bad === 0 ? "" : ` "${text.slice(0, Math.min(bad, 64))}${bad > 64 ? "…" : ""}…"`;
}

/**
 * Refuses header names that are not HTTP tokens and values with CR, LF or other characters no
 * HTTP client sends. Messages name the header, never its value (it may be a secret).
 */
export function checkHeaders(headers: Record<string, string>): void {
  // for…in, not Object.entries: no array of pairs per request (records here have no prototype to inherit keys from).
  for (const name in headers) {
    const value = headers[name] as string;
    const bad = firstNonToken(name);
    if (bad >= 0) {
      throw invalidInput(
        name === ""
          ? "cannot sign a header with an empty name"
          : `cannot sign header name${prefix(name, bad)}: a header name is letters, digits and !#$%&'*+-.^_\`|~ only, and this one has ${describeChar(name, bad)}`,
        "headers",
      );
    }
    const at = value.search(NOT_FIELD_VALUE);
    if (at >= 0) {
      throw invalidInput(
        `cannot sign header "${name}": its value has ${describeChar(value, at)}, which is not allowed in an HTTP header (the value is not shown)`,
        "headers",
      );
    }
  }
}

/** Refuses a method that is not an HTTP token (`GET`, `POST`, …). */
export function checkMethod(method: unknown): string {
  if (typeof method !== "string") throw invalidInput(`the request method must be a string such as "GET", got ${typeof method}`, "method");
  const bad = firstNonToken(method);
  if (bad >= 0) {
    throw invalidInput(
      method === "" ? "the request method is empty" : `the request method${prefix(method, bad)} is not an HTTP method: it has ${describeChar(method, bad)}`,
      "method",
    );
  }
  return method;
}

/** Refuses a wire path or query that is not a string, has a control character, or has a lone surrogate (no UTF-8 spelling). */
export function checkTarget(text: unknown, key: "path" | "search"): string {
  const what = key === "path" ? "path" : "query";
  if (typeof text !== "string") throw invalidInput(`the request ${what} must be a string, got ${typeof text}`, key);
  const at = text.search(NOT_TARGET);
  if (at >= 0) throw invalidInput(`the request ${what} has ${describeChar(text, at)}, which cannot be sent on a request line`, key);
  if (LONE_SURROGATE.test(text)) throw invalidInput(`the request ${what} has an unpaired UTF-16 surrogate, which has no UTF-8 spelling`, key);
  return text;
}

/** Refuses a region or service name that would break the credential scope (`…/region/service/aws4_request`) or its header. */
export function checkScopePart(value: string, key: "region" | "service"): void {
  const at = value.search(/[^\x21-\x2e\x30-\x7e]/);
  if (at >= 0) throw invalidInput(`the signing ${key}${prefix(value, at)} has ${describeChar(value, at)}: a ${key} is letters, digits and dashes, e.g. ${key === "region" ? '"us-east-1"' : '"execute-api"'}`, key);
}

/**
 * The request's URL, parsed. Never quoted in a message: it may carry a password or a key in its
 * query.
 */
export function requestUrl(url: unknown): URL {
  if (url === undefined || url === null || url === "") throw invalidInput("the request has no url: pass { url: \"https://…\" }", "url");
  if (typeof url !== "string" && !(url instanceof URL)) throw invalidInput(`the request url must be a string or a URL, got ${typeof url}`, "url");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidInput('the request url is not an absolute URL: it needs a scheme and a host, e.g. "https://example.amazonaws.com/path" (the url is not shown)', "url");
  }
  if (parsed.host === "") throw invalidInput(`the request url has no host (a ${parsed.protocol} URL); SigV4 signs the host`, "url");
  return parsed;
}

/**
 * The credentials a provider resolved, checked before they are signed with: an access key pair
 * of strings, and no character that would break the `authorization` or `x-amz-security-token`
 * header. Never quotes a value.
 */
export function usableCredentials(creds: Credentials | undefined): Credentials {
  const bad = (message: string, key: string) =>
    new CredchainError({ code: "CredentialRetrieval", message: `the credential provider ${message}`, key, source: creds?.source });
  if (creds === null || typeof creds !== "object") throw bad(`resolved ${creds === null ? "null" : typeof creds}, not credentials ({ accessKeyId, secretAccessKey, sessionToken? })`, "credentials");
  for (const key of ["accessKeyId", "secretAccessKey", "sessionToken"] as const) {
    const value: unknown = creds[key];
    if (key === "sessionToken" && value === undefined) continue;
    if (typeof value !== "string" || value === "") throw bad(`resolved credentials without a usable ${key} (${value === "" ? "empty" : typeof value})`, key);
    const at = value.search(NOT_FIELD_VALUE);
    if (at >= 0 && key !== "secretAccessKey") {
      throw bad(`resolved credentials whose ${key} has ${describeChar(value, at)}: it would break the signed headers (the value is not shown)`, key);
    }
  }
  return creds;
}
