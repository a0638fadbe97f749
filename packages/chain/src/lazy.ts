import type { CredentialProvider } from "@credchain/core/local";

/**
 * A provider whose module loads on first use: a resolution that env answers never loads the
 * process, boto, container or IMDS code, which keeps cold starts short.
 */
export function lazy(load: () => Promise<CredentialProvider>): CredentialProvider {
  let provider: Promise<CredentialProvider> | undefined;
  return async (options) => (await (provider ??= load()))(options);
}
