import { CredchainError, createCredentials, quoteUntrusted, type ProviderContext } from "@credchain/core";
import { callAwsJson, describeJsonFailure, type RetryPolicy } from "@credchain/core/aws-json";
import type { CognitoIdentityCredentials } from "./types.js";

/** `X-Amz-Target` prefix of the Cognito Identity JSON 1.1 API. */
export const COGNITO_TARGET_PREFIX = "AWSCognitoIdentityService.";

export interface CognitoIdentityClientInit {
  ctx: ProviderContext;
  /** The endpoint (`resolveCognitoEndpoint`). */
  url: string;
  retry: RetryPolicy;
  /** Per request. */
  timeoutMs: number;
}

export interface GetIdParams {
  IdentityPoolId: string;
  AccountId?: string | undefined;
  Logins?: Record<string, string> | undefined;
}

export interface GetCredentialsForIdentityParams {
  IdentityId: string;
  CustomRoleArn?: string | undefined;
  Logins?: Record<string, string> | undefined;
}

/** The two Cognito Identity operations credentials need. Both are unsigned: the identity and its logins are the credential. */
export interface CognitoIdentityClient {
  getId(params: GetIdParams, signal?: AbortSignal): Promise<string>;
  getCredentialsForIdentity(params: GetCredentialsForIdentityParams, signal?: AbortSignal): Promise<CognitoIdentityCredentials>;
}

const SOURCE = "cognito-identity";

/**
 * A Cognito Identity client over core's `callAwsJson` (JSON 1.1: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityService.<Operation>`, retries for throttling, 5xx and network
 * faults). A refusal is `CredentialRetrieval` carrying the service's error code and status
 * (`An error occurred (NotAuthorizedException) when calling the GetId operation: …`); an answer
 * without an identity or credentials is `CredentialRetrieval` too, never quoting the body.
 * Credentials come back with source `cognito-identity`, `expiration` and `identityId`.
 *
 * @example
 * ```ts
 * const client = createCognitoIdentityClient({ ctx, url: "https://cognito-identity.eu-west-1.amazonaws.com", retry: retryPolicy({}, 3), timeoutMs: 60_000 });
 * const identityId = await client.getId({ IdentityPoolId: "eu-west-1:…" });
 * ```
 */
export function createCognitoIdentityClient(init: CognitoIdentityClientInit): CognitoIdentityClient {
  const { ctx, url, retry, timeoutMs } = init;
  const call = async (operation: string, input: object, signal: AbortSignal | undefined): Promise<Record<string, unknown>> => {
    const outcome = await callAwsJson(
      ctx,
      {
        method: "POST",
        url,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": COGNITO_TARGET_PREFIX + operation },
        body: JSON.stringify(input),
        timeoutMs,
        ...(signal && { signal }),
      },
      retry,
      SOURCE,
    );
    if (outcome.ok) return outcome.body;
    if (outcome.kind === "service") {
      const message = `An error occurred (${outcome.code}) when calling the ${operation} operation at ${url}: ${outcome.message ?? `HTTP ${outcome.status}`}`;
      // The service's error as the cause, named by its code as the SDK names its exceptions.
      const cause = Object.assign(new Error(message), { name: outcome.code });
      throw new CredchainError({ code: "CredentialRetrieval", source: SOURCE, status: outcome.status, message, cause });
    }
    throw new CredchainError({
      code: "CredentialRetrieval",
      source: SOURCE,
      message: `Cognito Identity ${operation} at ${url} failed: ${describeJsonFailure(outcome)}`,
      ...(outcome.kind === "transport" ? { cause: outcome.cause } : { status: outcome.status }),
    });
  };
  const garbage = (operation: string, what: string) =>
    new CredchainError({ code: "CredentialRetrieval", source: SOURCE, status: 200, message: `Cognito Identity ${operation} at ${url} answered 200 without ${what}` });

  return {
    async getId(params, signal) {
      const body = await call("GetId", params, signal);
      if (typeof body.IdentityId !== "string" || body.IdentityId === "") throw garbage("GetId", "an IdentityId");
      return body.IdentityId;
    },
    async getCredentialsForIdentity(params, signal) {
      const operation = "GetCredentialsForIdentity";
      const body = await call(operation, params, signal);
      const c = body.Credentials as Record<string, unknown> | undefined;
      if (typeof c !== "object" || c === null) throw garbage(operation, "Credentials");
      const missing = ["AccessKeyId", "SecretKey"].filter((k) => typeof c[k] !== "string" || c[k] === "");
      if (missing.length > 0) throw garbage(operation, missing.join(" and "));
      if (c.Expiration !== undefined && (typeof c.Expiration !== "number" || !Number.isFinite(c.Expiration))) throw garbage(operation, "an Expiration in epoch seconds");
      // The identity asked for, as the SDK returns it.
      const identityId = params.IdentityId;
      const credentials = createCredentials(
        {
          accessKeyId: c.AccessKeyId as string,
          secretAccessKey: c.SecretKey as string,
          sessionToken: typeof c.SessionToken === "string" && c.SessionToken ? c.SessionToken : undefined,
          // Epoch seconds, with a fraction: kept to the millisecond.
          expiration: c.Expiration === undefined ? undefined : new Date(Math.round((c.Expiration as number) * 1000)),
          source: SOURCE,
        },
        { accessKeyId: "AccessKeyId", secretAccessKey: "SecretKey", sessionToken: "SessionToken", where: `the ${operation} answer from ${url}` },
      );
      ctx.logger.debug(`cognito-identity: credentials for ${quoteUntrusted(identityId, { max: 100 })}`);
      return Object.assign(credentials, { identityId });
    },
  };
}
