import { maskAccessKeyId, type ProviderContextInit } from "@credchain/core";
import { lambdaCredentials } from "./credentials.js";

export interface HandlerResult {
  statusCode: number;
  body: string;
}

/**
 * A Lambda handler that resolves credentials with the Lambda chain and reports where they came
 * from (never the secret). The provider is made once per execution environment, so warm
 * invocations get the cached credentials. Pass `init` to point it elsewhere (tests, the emulator).
 *
 * @example
 * ```ts
 * const handler = createHandler();
 * const { statusCode, body } = await handler({});
 * ```
 */
export function createHandler(init: ProviderContextInit = {}): (event: unknown) => Promise<HandlerResult> {
  const credentials = lambdaCredentials(init);
  return async () => {
    // Here a real function would sign a request (e.g. pass `credentials` to an AWS SDK client).
    const c = await credentials();
    const body = {
      source: c.source,
      accessKeyId: maskAccessKeyId(c.accessKeyId),
      expiration: c.expiration?.toISOString() ?? null,
    };
    return { statusCode: 200, body: JSON.stringify(body) };
  };
}

/** The exported Lambda entry point (`handler.handler`). */
export const handler = createHandler();
