import { fromAssumeRole } from "@credchain/provider-sts";
import { fromEnv } from "@credchain/provider-env";

export const credentials = await fromAssumeRole({ roleArn: "arn:aws:iam::123456789012:role/r", source: fromEnv() })();
