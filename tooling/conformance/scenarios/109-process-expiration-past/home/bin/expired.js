process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret", SessionToken: "process-token", Expiration: "2000-01-01T00:00:00Z"}));
