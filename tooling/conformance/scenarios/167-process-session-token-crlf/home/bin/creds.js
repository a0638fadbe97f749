process.stdout.write("{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"process-secret\", \"SessionToken\": \"process-token\\r\\nX-Amz-Injected: 1\"}");
