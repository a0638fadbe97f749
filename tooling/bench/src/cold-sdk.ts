// Cold start, AWS SDK v3: a fresh process imports defaultProvider and resolves from env.
import { defaultProvider } from "@aws-sdk/credential-provider-node";

const credentials = await defaultProvider()();
if (!credentials.accessKeyId) process.exit(3);
