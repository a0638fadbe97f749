import { fromEnv } from "@aws-sdk/credential-providers";

export const credentials = await fromEnv()();
