process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret"}));
