import { readdirSync, readFileSync } from "node:fs";

/** One folder of the SigV4 test suite, parsed. */
export interface Vector {
  name: string;
  method: string;
  /** The request target exactly as on the request line (may hold raw spaces and UTF-8). */
  target: string;
  headers: [string, string][];
  body: string | undefined;
  context: {
    credentials: { access_key_id: string; secret_access_key: string; token?: string };
    normalize: boolean;
    region: string;
    service: string;
    sign_body: boolean;
    timestamp: string;
    omit_session_token?: boolean;
  };
  authorization: string;
  canonicalRequest: string;
}

const VECTORS = new URL("../test-vectors/", import.meta.url);

/** Parses `request.txt`: a request line, headers (folded lines kept), a blank line, a body. */
function parseRequest(text: string): Pick<Vector, "method" | "target" | "headers" | "body"> {
  const [head = "", ...rest] = text.split("\n\n");
  const [requestLine = "", ...lines] = head.split("\n");
  const method = requestLine.slice(0, requestLine.indexOf(" "));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(" HTTP/"));
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === "") continue;
    const last = headers[headers.length - 1];
    if (/^\s/.test(line) && last) last[1] += `\n${line}`;
    else headers.push([line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]);
  }
  return { method, target, headers, body: rest.length ? rest.join("\n\n") : undefined };
}

export function loadVectors(): Vector[] {
  return readdirSync(VECTORS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const read = (f: string) => readFileSync(new URL(`${d.name}/${f}`, VECTORS), "utf8");
      const signed = read("header-signed-request.txt");
      const authorization = /^Authorization:(.*)$/m.exec(signed)?.[1];
      if (!authorization) throw new Error(`${d.name}: no Authorization line`);
      return {
        name: d.name,
        ...parseRequest(read("request.txt")),
        context: JSON.parse(read("context.json")),
        authorization,
        canonicalRequest: read("header-canonical-request.txt"),
      };
    });
}
