/** A caller the STS emulator accepts: an IAM user's keys, or any session credentials. */
export interface StsUser {
  accessKeyId: string;
  secretAccessKey: string;
  /** Required in `X-Amz-Security-Token` when set (session credentials). */
  sessionToken?: string | undefined;
  /** What GetCallerIdentity answers, e.g. `arn:aws:iam::123456789012:user/alice`. */
  arn: string;
  /** When the key stops working (ExpiredToken). Default: never. */
  expiration?: Date | string | number | undefined;
  /** GetCallerIdentity `UserId`. Default: derived from the key (`AIDA…`). */
  userId?: string | undefined;
  /** The MFA device GetSessionToken accepts as SerialNumber. Default: any. */
  mfaSerial?: string | undefined;
}

/** Credentials the emulator issued: also accepted as callers (role chaining). */
export interface IssuedStsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`, or the user's ARN for GetSessionToken. */
  arn: string;
  userId: string;
  /** The action that issued them. */
  action: "AssumeRole" | "AssumeRoleWithWebIdentity" | "GetSessionToken";
}

/** A key the emulator knows, whatever its origin. */
export interface KnownKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  expiration: number | undefined;
  arn: string;
  userId: string;
  mfaSerial: string | undefined;
  /** From AssumeRole*: chaining limits the next session to an hour. */
  assumedRole: boolean;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The n-th (1-based) credentials an STS emulator issues: `ASIASTSEMULATOR00001`, secret
 * `stsEmulatorSecretAccessKey/00001/xxxxxxxx`, token `stsEmulatorSessionToken/00001`.
 * Deterministic so tests can predict them.
 *
 * @example
 * ```ts
 * stsIssuedKeys(1).accessKeyId; // "ASIASTSEMULATOR00001"
 * ```
 */
export function stsIssuedKeys(n: number): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  const serial = pad(n, 5);
  return {
    accessKeyId: `ASIASTSEMULATOR${serial}`,
    secretAccessKey: `stsEmulatorSecretAccessKey/${serial}/xxxxxxxx`,
    sessionToken: `stsEmulatorSessionToken/${serial}`,
  };
}

/** The user `startSts` accepts when no `users` are given. */
export function defaultStsUser(accountId: string): StsUser {
  return {
    accessKeyId: "AKIAEMULATORUSER0001",
    secretAccessKey: "emulatorUserSecretAccessKey/0001/xxxxxxxx",
    arn: `arn:aws:iam::${accountId}:user/credchain-emulator`,
  };
}

/** The key table: configured users plus everything issued, looked up by access key id. */
export class KeyTable {
  readonly #keys = new Map<string, KnownKey>();
  readonly issued: IssuedStsCredentials[] = [];

  constructor(users: StsUser[]) {
    users.forEach((u, i) => {
      if (this.#keys.has(u.accessKeyId)) throw new RangeError(`duplicate STS user access key ${u.accessKeyId}`);
      this.#keys.set(u.accessKeyId, {
        accessKeyId: u.accessKeyId,
        secretAccessKey: u.secretAccessKey,
        sessionToken: u.sessionToken,
        expiration: u.expiration === undefined ? undefined : new Date(u.expiration).getTime(),
        arn: u.arn,
        userId: u.userId ?? `AIDAEMULATORUSER${pad(i + 1, 4)}`,
        mfaSerial: u.mfaSerial,
        assumedRole: false,
      });
    });
  }

  get(accessKeyId: string): KnownKey | undefined {
    return this.#keys.get(accessKeyId);
  }

  /** Issues the next deterministic credentials for `arn`, valid until `expiration`. */
  issue(action: IssuedStsCredentials["action"], arn: string, userId: string, expiration: Date): IssuedStsCredentials {
    const keys = stsIssuedKeys(this.issued.length + 1);
    const issued: IssuedStsCredentials = { ...keys, expiration, arn, userId, action };
    this.issued.push(issued);
    this.#keys.set(keys.accessKeyId, {
      ...keys,
      expiration: expiration.getTime(),
      arn,
      userId,
      mfaSerial: undefined,
      assumedRole: action !== "GetSessionToken",
    });
    return issued;
  }
}
