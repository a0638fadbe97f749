import { fromSso } from "@credchain/provider-sso";

export const credentials = await fromSso({ profile: "dev" })();
