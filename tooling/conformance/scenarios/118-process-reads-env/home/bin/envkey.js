process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: process.env.MY_KEY, SecretAccessKey: "process-secret"}));
