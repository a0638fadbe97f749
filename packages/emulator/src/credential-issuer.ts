/** Credentials as an emulated endpoint serves them. */
export interface EmulatedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Omitted from the response when undefined. */
  sessionToken?: string | undefined;
  expiration: Date;
  /** Served by IMDS `security-credentials-extended` and the container endpoint when set. */
  accountId?: string | undefined;
  /** Served by the container endpoint (ECS includes it) when set. */
  roleArn?: string | undefined;
}

/** What `setCredentials` accepts: anything left out is issued as by `rotate()`. */
export type CredentialsInput = Partial<Omit<EmulatedCredentials, "expiration">> & {
  expiration?: Date | string | number | undefined;
};

export interface IssuerOptions {
  now: () => number;
  lifetimeSeconds: number;
  accountId: string | undefined;
  roleArn: string | undefined;
  /** Issued credentials are replaced this many seconds before they expire (real IMDS: ≥ 5 min). */
  rotateBeforeSeconds: number;
}

/** Deterministic credentials: the n-th issue is `ASIAEMULATOR0000000n`, secret and token likewise. */
export class CredentialIssuer {
  #serial = 0;
  #current: EmulatedCredentials;
  #autoRotate = true;
  #issuedAt = 0;
  readonly #options: IssuerOptions;

  constructor(options: IssuerOptions) {
    this.#options = options;
    this.#current = this.#issue();
  }

  /** The credentials to serve now, rotating issued ones that are about to expire. */
  current(): EmulatedCredentials {
    const { now, rotateBeforeSeconds } = this.#options;
    if (this.#autoRotate && this.#current.expiration.getTime() - rotateBeforeSeconds * 1000 <= now()) {
      this.#current = this.#issue();
    }
    return this.#current;
  }

  /** When the credentials being served were issued or set (ms since the epoch). */
  get issuedAt(): number {
    return this.#issuedAt;
  }

  rotate(): EmulatedCredentials {
    this.#autoRotate = true;
    this.#current = this.#issue();
    return this.#current;
  }

  /** Fixed credentials: served as given (never auto-rotated) until `set` or `rotate` again. */
  set(input: CredentialsInput): EmulatedCredentials {
    const issued = this.#issue();
    this.#current = {
      ...issued,
      ...input,
      expiration: input.expiration === undefined ? issued.expiration : new Date(input.expiration),
    };
    this.#autoRotate = false;
    return this.#current;
  }

  #issue(): EmulatedCredentials {
    const n = String(++this.#serial).padStart(8, "0");
    const { now, lifetimeSeconds, accountId, roleArn } = this.#options;
    this.#issuedAt = now();
    // Whole seconds: IMDS and ECS send `2026-11-22T20:00:00Z`, and botocore's IMDS parser
    // (strptime "%Y-%m-%dT%H:%M:%SZ") rejects fractions.
    const expiration = new Date(Math.floor((now() + lifetimeSeconds * 1000) / 1000) * 1000);
    return {
      accessKeyId: `ASIAEMULATOR${n}`,
      secretAccessKey: `emulatorSecretAccessKey/${n}/${"x".repeat(7)}`,
      sessionToken: `emulatorSessionToken/${n}`,
      expiration,
      accountId,
      roleArn,
    };
  }
}

/** `2026-11-22T20:00:00Z`: the timestamp form AWS metadata endpoints use. */
export function isoSeconds(date: Date | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");
}
