// The signer with a provider: a SigV4-signing fetch fed by the Lambda-style env provider.
import { createSignedFetch } from "@credchain/signer";
import { fromEnv } from "@credchain/provider-env";

const signedFetch = createSignedFetch({ credentials: fromEnv(), region: "us-east-1", service: "es" });
export const response = await signedFetch("https://search.example.com/");
