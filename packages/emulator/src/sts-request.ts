import type { HandlerRequest } from "./emulator-server.js";
import { StsFailure } from "./sts-failure.js";

/** Query-string and form-body parameters together, as the Query API reads them. */
export function queryParams(req: HandlerRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.query)) out[k] = v;
  const type = req.headers["content-type"] ?? "";
  if (req.body !== "" && (type === "" || type.startsWith("application/x-www-form-urlencoded"))) {
    for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  }
  return out;
}

/** The parameter's value; absent or empty fails as STS's model validation does. */
export function required(p: Record<string, string>, name: string): string {
  const value = p[name];
  if (value === undefined || value === "") {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new StsFailure("ValidationError", `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}
