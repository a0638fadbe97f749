process.stderr.write("token expired, run login\n");
process.exit(3);
