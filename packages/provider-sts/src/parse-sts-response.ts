import { xmlText } from "./xml.js";

/** An STS error answer: `<ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export interface StsErrorBody {
  code: string;
  message: string;
  type?: string | undefined;
  requestId?: string | undefined;
}

/**
 * The error in an STS error body (also the `<Response><Errors><Error>` form some AWS query
 * services use), or undefined when the body is not one.
 */
export function parseStsError(body: string): StsErrorBody | undefined {
  const code = xmlText(body, ["Error", "Code"]);
  if (code === undefined || code === "") return undefined;
  return {
    code,
    message: xmlText(body, ["Error", "Message"]) ?? "",
    type: xmlText(body, ["Error", "Type"]),
    requestId: xmlText(body, ["RequestId"]),
  };
}

/** The `<Credentials>` of a result, or undefined when any of the four fields is missing. */
export function parseStsCredentials(body: string, result: string) {
  const field = (name: string) => xmlText(body, [`${result}`, "Credentials", name]);
  const accessKeyId = field("AccessKeyId");
  const secretAccessKey = field("SecretAccessKey");
  const sessionToken = field("SessionToken");
  const expiration = field("Expiration");
  if (!accessKeyId || !secretAccessKey || !sessionToken || !expiration) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiration };
}

/** The 12-digit account of an ARN (`arn:partition:service:region:account:resource`), as botocore's ArnParser. */
export function accountIdFromArn(arn: string | undefined): string | undefined {
  if (arn === undefined || !arn.startsWith("arn:")) return undefined;
  const parts = arn.split(":");
  return parts.length >= 6 && parts[4] !== "" ? parts[4] : undefined;
}
