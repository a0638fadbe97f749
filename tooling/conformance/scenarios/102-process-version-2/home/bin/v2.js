console.log(JSON.stringify({Version: 2, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret"}));
