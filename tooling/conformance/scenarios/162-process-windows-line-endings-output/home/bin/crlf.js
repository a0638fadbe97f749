process.stdout.write("\r\n  " + JSON.stringify({Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret"}) + "\r\n");
