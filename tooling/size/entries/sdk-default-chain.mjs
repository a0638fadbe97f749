import { defaultProvider } from "@aws-sdk/credential-provider-node";

export const credentials = await defaultProvider()();
