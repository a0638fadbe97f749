import { notFound } from "@credchain/core";
import { resolveLocalContext, showName } from "@credchain/core/internal";
import { profileLoader } from "./profile-layer.js";
import type { AwsCredentialProvider, CredentialProviderOptions, SharedFileOptions } from "./types.js";

/** The SDK's `FromProcessInit`: the shared files and the profile. */
export interface FromProcessInit extends CredentialProviderOptions, SharedFileOptions {}

const SOURCE = "custom-process";

/**
 * The AWS SDK's `fromProcess`: runs the profile's `credential_process`, with botocore's answers
 * (`@credchain/provider-process`, source `custom-process`): the command line is split as
 * botocore splits it and run without a shell (the SDK hands it to a shell), a non-zero exit
 * quotes its stderr redacted, it is killed after 60 s, and the profile's `aws_account_id` fills
 * a missing `AccountId`. A missing profile, or one without `credential_process`: "not here"
 * (`tryNextLink`), as in the SDK.
 *
 * @example
 * ```ts
 * import { fromProcess } from "@credchain/credential-providers";
 *
 * const credentials = fromProcess({ profile: "vault" });
 * ```
 */
export function fromProcess(init: FromProcessInit = {}): AwsCredentialProvider {
  const ctx = resolveLocalContext(init);
  const load = profileLoader(ctx, init);
  return async (props) => {
    const { name, exists, values } = await load(init.profile ?? props?.callerClientConfig?.profile);
    const command = values.credential_process;
    if (!exists || typeof command !== "string") {
      throw notFound(SOURCE, `profile "${showName(name)}" ${exists ? "has no credential_process" : "is in neither shared file"}`, { profile: name });
    }
    const accountId = typeof values.aws_account_id === "string" ? values.aws_account_id : undefined;
    const { fromProcess: processProvider } = await import("./load-process.js");
    return processProvider({ ...init, ...ctx, command, profile: name, accountId })(props);
  };
}
