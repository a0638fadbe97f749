console.log(JSON.stringify({AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret"}));
