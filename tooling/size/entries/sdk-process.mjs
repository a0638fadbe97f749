import { fromProcess } from "@aws-sdk/credential-providers";

export const credentials = await fromProcess({ profile: "dev" })();
