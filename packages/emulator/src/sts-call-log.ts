import type { HandlerResponse } from "./emulator-server.js";

/** One STS call as the emulator saw it. `WebIdentityToken` and `TokenCode` values read `[redacted]`. */
export interface StsCall {
  action: string;
  /** The caller's access key id (undefined for unsigned calls). */
  accessKeyId?: string | undefined;
  /** The region of the signature's credential scope (undefined for unsigned calls): which regional endpoint the client meant. */
  signingRegion?: string | undefined;
  /** The Query parameters except Action and Version. */
  params: Record<string, string>;
  status: number;
  /** The STS error code sent, if any. */
  errorCode?: string | undefined;
  time: number;
}

/** Secrets a test may read the call log for, but must not find in it. */
const REDACTED_PARAMS = new Set(["WebIdentityToken", "TokenCode"]);

/** A call-log entry for a request with these parameters, status not known yet. */
export function openCall(params: Record<string, string>, time: number): StsCall {
  const logged: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "Action" || k === "Version") continue;
    logged[k] = REDACTED_PARAMS.has(k) ? "[redacted]" : v;
  }
  return { action: params.Action ?? "", params: logged, status: 0, time };
}

/** Records the answer (and STS error code, if any) on `call`, appends it to `calls`, returns the answer. */
export function closeCall(calls: StsCall[], call: StsCall, response: HandlerResponse, errorCode?: string): HandlerResponse {
  call.status = response.status;
  if (errorCode !== undefined) call.errorCode = errorCode;
  calls.push(call);
  return response;
}
