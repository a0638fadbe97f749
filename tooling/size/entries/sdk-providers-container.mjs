import { fromContainerMetadata } from "@aws-sdk/credential-providers";

export const credentials = await fromContainerMetadata()();
