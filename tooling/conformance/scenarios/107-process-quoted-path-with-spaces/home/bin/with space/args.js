const [a, b] = process.argv.slice(2);
process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: `${a}|${b}`}));
