import { fromLogin } from "@credchain/provider-sso/login";

export const credentials = await fromLogin({ profile: "dev", loginSession: "arn:aws:iam::111122223333:user/me" })();
