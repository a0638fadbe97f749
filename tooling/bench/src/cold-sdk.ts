// Cold start, AWS SDK v3: a fresh process imports defaultProvider and resolves from env.
// No top-level await, so the same script bundles as CommonJS too.
import { defaultProvider } from "@aws-sdk/credential-provider-node";

void defaultProvider()().then((credentials) => {
  if (!credentials.accessKeyId) process.exit(3);
});
