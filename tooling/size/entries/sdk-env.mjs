import { fromEnv } from "@aws-sdk/credential-provider-env";

export const credentials = await fromEnv()();
