import { CA_BUNDLE, type CaBundle } from "./ca-bundle.js";
import { expandUser } from "./expand-path.js";
import { httpTransport } from "./http-transport.js";
import { resolveLocalContext, type LocalContext, type LocalContextInit } from "./local-context.js";
import { resolveSetting, type ProfileSettings } from "./resolve-setting.js";
import type { Transport } from "./transport.js";

export { stderrLogger, type Env, type Logger } from "./local-context.js";

/** Everything a provider reads from the outside world, injectable so tests need no mocks. */
export interface ProviderContextInit extends LocalContextInit {
  /**
   * HTTP for providers that call endpoints. Default: `httpTransport({ env, caBundle })`: node:http
   * with keep-alive, HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `env` for AWS API calls, and as
   * botocore's clients the certificate authorities of env AWS_CA_BUNDLE, else the profile's
   * `ca_bundle`, else env REQUESTS_CA_BUNDLE in place of Node's (a file read on the first
   * `https:` request).
   */
  transport?: Transport;
  /**
   * The session profile's settings (provider-ini's `profileSettings`), for the defaults above
   * (`ca_bundle`) and the provider's own settings. Default: none (env only).
   */
  profileSettings?: ProfileSettings | undefined;
}

export interface ProviderContext extends LocalContext {
  transport: Transport;
}

/**
 * Every default a provider needs, each replaceable by `init`. Providers that call only a metadata
 * endpoint use `resolveDirectContext` (no proxy code in their bundles, and no CA bundle: botocore's
 * IMDS and container fetchers use neither).
 *
 * @example
 * ```ts
 * const { env, transport } = resolveContext({ env: { AWS_PROFILE: "dev" } });
 * ```
 */
export function resolveContext(init: ProviderContextInit = {}): ProviderContext {
  const ctx = resolveLocalContext(init) as ProviderContext;
  ctx.transport = init.transport ?? httpTransport({ env: init.env, caBundle: caBundleOf(ctx, init.profileSettings) });
  return ctx;
}

/**
 * botocore's `verify` for a client of the session: the `ca_bundle` setting (env, then the
 * profile), else REQUESTS_CA_BUNDLE (botocore's endpoint reads it when no bundle is configured),
 * `~` expanded as urllib3 does; none: Node's own authorities.
 */
function caBundleOf(ctx: LocalContext, profile: ProfileSettings | undefined): CaBundle | undefined {
  const { env } = ctx;
  let { value: path, from } = resolveSetting(CA_BUNDLE, { env, profile });
  if (!path && (path = env.REQUESTS_CA_BUNDLE)) from = "env REQUESTS_CA_BUNDLE";
  return path ? { path: expandUser(path, ctx.homedir), from, readFile: ctx.readFile } : undefined;
}
