// The SDK's closest equivalent of the Lambda chain: env, container, IMDS, memoized with expiry.
import { createCredentialChain, fromContainerMetadata, fromEnv, fromInstanceMetadata } from "@aws-sdk/credential-providers";

const provider = createCredentialChain(fromEnv(), fromContainerMetadata(), fromInstanceMetadata()).expireAfter(15 * 60_000);
export const credentials = await provider();
