import { fromInstanceMetadata } from "@aws-sdk/credential-providers";

export const credentials = await fromInstanceMetadata()();
