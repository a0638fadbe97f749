import { maskAccessKeyId } from "./credentials.js";

/** What a removed secret reads as. */
export const REDACTED = "[redacted]";

// Every rule reads the original text and marks what to cut, so no rule's cut can hide a secret
// from another (a token glued to a JWT, a URL running into a field). Every pattern is linear on
// hostile input (tested on 1 MB): no nested quantifiers that can match the same text two ways,
// and runs are matched from their first character only (the lookbehinds), so a long run is
// scanned once, not once per position.

/** `<SessionToken>value` (XML; attributes allowed): the value up to the next tag. */
const XML_FIELD = /<([\w:.-]+)(?:\s[^<>]*)?>([^<]*)/dg;
/** A field name and its `=` or `:`: `"SecretAccessKey":`, `aws_secret_access_key =`, `PASSWORD=`, `Authorization:`. */
const FIELD = /(?<![\w.-])([\w.-]+)["']?[ \t]*[:=][ \t]*/g;
/**
 * A field's value: a quoted string (escapes kept inside) unless a delimiter follows it (then it
 * was a name), else the rest of the line.
 */
const VALUE = /(?:"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"|'[^'\\\r\n]*(?:\\.[^'\\\r\n]*)*')(?![ \t]*[:=])|[^\r\n]*/y;
const SECRET_NAME = /secret|token|passw|pwd|key|credential|signature|auth|cookie/i;
/** `KeyError: 'x'`, `NoCredentialsError: …`: an exception's name and message, not a field. */
const EXCEPTION_NAME = /(error|exception)$/i;
/** A bearer token (token68); read in a lookahead, so a `Bearer` inside it still starts a match. */
const BEARER = /Bearer\s+(?=([\w.~+/=-]+))/dgi;
/** A run of base64 and dots holding `eyJ` (base64 of `{"`): a JWT or JWE, or base64 JSON. */
const JWT = /(?<![\w+/.-])[\w+/.-]*eyJ[\w+/.-]*/dg;
/**
 * 40 or more base64 characters (`\/` as JSON escapes `/`): secret access keys (40), session
 * tokens; or 40 or more base64url characters. Apart, not mixed: a path such as
 * `security-credentials/MyInstanceRole` is neither.
 */
const BLOBS = [/(?<![A-Za-z0-9+/])(?:[A-Za-z0-9+/]|\\\/){40,}=*/dg, /(?<![\w-])[\w-]{40,}/dg];
/** `//user:password@` (RFC 3986 user info characters). */
const USERINFO = /\/\/([\w.~%!$&()*+,;=:-]+)@/dg;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;

const secretName = (name: string) => SECRET_NAME.test(name) && !EXCEPTION_NAME.test(name);

/**
 * `text` credchain did not write (a helper's stderr, an HTTP error body, a server's message) with
 * anything that looks like a credential replaced by `[redacted]`: the values of fields whose name
 * contains secret, token, password, key, credential, signature or auth (JSON, Python dicts, INI,
 * env, headers, XML elements), `Bearer` tokens, JWTs, runs of 40+ base64 characters in mixed case
 * (secret access keys, session tokens), URL user info, and every string in `known` (4+ characters).
 * Access key IDs (`AKIA…`, `ASIA…`) are masked as `aws configure list` shows them. Linear time on
 * any input. A heuristic: quote the result, never the input, and bound it with {@link quoteUntrusted}.
 *
 * @example
 * ```ts
 * import { redactSecrets } from "@credchain/core";
 *
 * redactSecrets('denied: {"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}');
 * // 'denied: {"SecretAccessKey": [redacted]}'
 * ```
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  const cuts: [start: number, end: number][] = [];
  const cut = (m: RegExpMatchArray, group = 0) => cuts.push(m.indices![group]!);
  for (const secret of known) {
    if (secret && secret.length > 3) for (let i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) cuts.push([i, i + secret.length]);
  }
  for (const m of text.matchAll(XML_FIELD)) if (secretName(m[1]!)) cut(m, 2);
  for (let m: RegExpExecArray | null; (m = FIELD.exec(text)); ) {
    if (!secretName(m[1]!)) continue;
    VALUE.lastIndex = FIELD.lastIndex;
    VALUE.exec(text);
    cuts.push([FIELD.lastIndex, (FIELD.lastIndex = Math.max(VALUE.lastIndex, FIELD.lastIndex))]);
  }
  for (const m of text.matchAll(BEARER)) cut(m, 1);
  for (const m of text.matchAll(JWT)) cut(m);
  for (const blob of BLOBS) for (const m of text.matchAll(blob)) if (LOWER.test(m[0]) && UPPER.test(m[0])) cut(m);
  for (const m of text.matchAll(USERINFO)) cut(m, 1);

  let out = "";
  let at = -1;
  for (const [start, end] of cuts.sort((a, b) => a[0] - b[0])) {
    if (end <= start) continue;
    // A cut that overlaps or touches the last one extends it; one further on is a new [redacted].
    if (start > at) out += text.slice(Math.max(at, 0), start) + REDACTED;
    if (end > at) at = end;
  }
  return (out + text.slice(Math.max(at, 0))).replace(ACCESS_KEY_ID, maskAccessKeyId);
}

export interface QuoteOptions {
  /** Characters of the redacted text to keep. Default: 512. */
  max?: number;
  /** Values known to be secret (a token sent with the request): removed wherever they appear. */
  known?: readonly (string | undefined)[];
}

/** How much of a text credchain did not write a message may quote. */
export const MAX_QUOTED_CHARS = 512;

/**
 * `text` ready to quote in a message: {@link redactSecrets} on the whole text, whitespace and
 * control characters collapsed to single spaces (one line, no terminal escapes), then at most
 * `max` characters, saying how many more there were.
 *
 * @example
 * ```ts
 * import { quoteUntrusted } from "@credchain/core";
 *
 * quoteUntrusted("Traceback …\n  PASSWORD=hunter2\n" + "x".repeat(2000));
 * // "Traceback … PASSWORD=[redacted] xxxx…xxx… (1,491 more characters)"
 * ```
 */
export function quoteUntrusted(text: string, options: QuoteOptions = {}): string {
  const max = options.max ?? MAX_QUOTED_CHARS;
  // eslint-disable-next-line no-control-regex
  const clean = redactSecrets(text, options.known).replace(/[\s\x00-\x1f\x7f-\x9f]+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}… (${(clean.length - max).toLocaleString("en-US")} more characters)` : clean;
}

/**
 * A name taken from env, an option or a file (a profile, a section, an sso-session) ready to put
 * in a message: {@link quoteUntrusted} with at most 100 characters, so an AWS_PROFILE holding
 * terminal escapes, a forged log line, megabytes of text or a pasted secret is shown as one short
 * line without it. Ordinary names come out unchanged.
 *
 * @example
 * ```ts
 * import { showName } from "@credchain/core/internal";
 *
 * showName("dev"); // "dev"
 * showName("a\u001b[31mb\n[credchain] forged"); // "a [31mb [credchain] forged"
 * ```
 */
export function showName(text: string): string {
  return quoteUntrusted(text, { max: 100 });
}
