import { realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { defaultChain } from "@credchain/chain";
import { maskAccessKeyId } from "@credchain/core";
import { startSts } from "@credchain/emulator";
import { makeExampleHome } from "./example-home.js";
import { MOTO_MISSING, startMoto } from "./moto.js";

export { startMoto, MOTO_MISSING, type MotoServer } from "./moto.js";

export interface Summary {
  sts: {
    /** GetCallerIdentity with the default profile's keys. */
    user: { arn: string; source: string; accessKeyId: string };
    /** GetCallerIdentity with profile `deploy` (an assumed role). */
    role: { arn: string; source: string; accessKeyId: string };
    /** The STS actions the emulator served, in order. */
    actions: string[];
  };
  s3:
    | { bucket: string; key: string; body: string; listed: string[]; source: string }
    | { skipped: string };
}

export interface MainOptions {
  /** Where progress lines go. Default: `console.log`. */
  log?: (line: string) => void;
  /** The moto_server executable. Default: `moto_server` on PATH. */
  motoCommand?: string;
}

const region = "us-east-1";

/**
 * credchain providers as AWS SDK v3 credentials: `defaultChain()` goes straight into the
 * `credentials` option of `STSClient` (GetCallerIdentity against the STS emulator, as a user and
 * through a role profile) and `S3Client` (CreateBucket, PutObject, GetObject, ListObjectsV2
 * against moto). Everything runs on 127.0.0.1, in a throwaway HOME.
 *
 * @example
 * ```ts
 * const summary = await main();
 * console.log(summary.sts.role.arn); // arn:aws:sts::123456789012:assumed-role/deploy/credchain-example
 * ```
 */
export async function main(options: MainOptions = {}): Promise<Summary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const sts = await startSts();
  const home = await makeExampleHome(sts.users[0]!);
  // The chain's whole environment: the temp HOME, the STS emulator for role profiles, and no
  // instance metadata. Nothing from the shell is read.
  const env = { HOME: home, AWS_EC2_METADATA_DISABLED: "true", ...sts.env };
  const credentials = defaultChain({ env });
  const deploy = defaultChain({ env, profile: "deploy" });
  const clients: { destroy(): void }[] = [];
  const client = <T extends { destroy(): void }>(c: T) => (clients.push(c), c);

  try {
    log(`credchain + AWS SDK v3 — a temporary HOME at ${home}; STS emulator at ${sts.url}\n`);

    // 1. STS as the default profile's user.
    const asUser = client(new STSClient({ region, endpoint: sts.url, credentials }));
    const me = await asUser.send(new GetCallerIdentityCommand({}));
    const userCreds = await credentials();
    log(`STSClient GetCallerIdentity, default profile (${userCreds.source}, ${maskAccessKeyId(userCreds.accessKeyId)}):`);
    log(`  ${me.Arn}`);

    // 2. STS through profile deploy: the chain assumes the role (via the emulator), the SDK signs with it.
    const asRole = client(new STSClient({ region, endpoint: sts.url, credentials: deploy }));
    const role = await asRole.send(new GetCallerIdentityCommand({}));
    const roleCreds = await deploy();
    log(`STSClient GetCallerIdentity, profile deploy (${roleCreds.source}, ${maskAccessKeyId(roleCreds.accessKeyId)}):`);
    log(`  ${role.Arn}`);

    const summary: Summary = {
      sts: {
        user: { arn: me.Arn ?? "", source: userCreds.source, accessKeyId: maskAccessKeyId(userCreds.accessKeyId) },
        role: { arn: role.Arn ?? "", source: roleCreds.source, accessKeyId: maskAccessKeyId(roleCreds.accessKeyId) },
        actions: sts.calls.map((c) => c.action),
      },
      s3: { skipped: MOTO_MISSING },
    };

    // 3. S3 against moto.
    const moto = await startMoto({ command: options.motoCommand });
    if (!moto) {
      log(`\n${MOTO_MISSING}`);
      return summary;
    }
    try {
      const s3 = client(new S3Client({ region, endpoint: moto.url, forcePathStyle: true, credentials }));
      const Bucket = "credchain-example";
      const Key = "greetings/hello.txt";
      await s3.send(new CreateBucketCommand({ Bucket }));
      await s3.send(new PutObjectCommand({ Bucket, Key, Body: "hello from credchain", ContentType: "text/plain" }));
      const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
      const body = (await got.Body?.transformToString()) ?? "";
      const listed = (await s3.send(new ListObjectsV2Command({ Bucket }))).Contents?.map((o) => o.Key ?? "") ?? [];
      log(`\nS3Client against moto at ${moto.url} (${userCreds.source}):`);
      log(`  CreateBucket ${Bucket}, PutObject ${Key}`);
      log(`  GetObject → "${body}"`);
      log(`  ListObjectsV2 → ${listed.join(", ")}`);
      summary.s3 = { bucket: Bucket, key: Key, body, listed, source: userCreds.source };
    } finally {
      await moto.close();
    }
    return summary;
  } finally {
    for (const c of clients) c.destroy();
    credentials.dispose();
    deploy.dispose();
    await sts.close();
    await rm(home, { recursive: true, force: true });
  }
}

// `node dist/index.js`
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await main();
}
