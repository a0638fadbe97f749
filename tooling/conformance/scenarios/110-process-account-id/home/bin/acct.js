process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret", AccountId: "123456789012"}));
