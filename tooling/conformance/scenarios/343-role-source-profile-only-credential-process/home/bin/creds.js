process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKIAEMULATORUSER0001", SecretAccessKey: "emulatorUserSecretAccessKey/0001/xxxxxxxx" }));
