import { createHash, generateKeyPairSync } from "node:crypto";
import { iso, makeCacheHome, writeCacheFile } from "./sso-home.js";

/** A temporary HOME with ~/.aws/login/cache; removed by `cleanup()`. */
export const makeLoginHome = () => makeCacheHome("login");

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A fresh P-256 key as `aws login` caches it: SEC1 PEM (`-----BEGIN EC PRIVATE KEY-----`). */
export function newDpopKey(type: "sec1" | "pkcs8" = "sec1"): string {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return privateKey.export({ format: "pem", type }) as string;
}

export const SESSION = "arn:aws:iam::111122223333:user/alice";
export const CLIENT_ID = "arn:aws:signin:::devtools/same-device";

/** A cached session expiring at `expiresAt`, with the emulator's default refresh token. */
export function loginToken(expiresAt: string, dpopKey: string, extra: object = {}) {
  return {
    accessToken: {
      accessKeyId: "ASIACACHED0000000001",
      secretAccessKey: "cachedSecretAccessKey/abcdef",
      sessionToken: "cachedSessionToken/abcdef",
      accountId: "111122223333",
      expiresAt,
    },
    tokenType: "aws_sigv4",
    clientId: CLIENT_ID,
    refreshToken: "emulator-login-refresh-token",
    idToken: "cached-id-token",
    dpopKey,
    ...extra,
  };
}

/** Writes a cache file named as the AWS CLI does (or raw text when `token` is a string). */
export const writeLoginCache = (cacheDir: string, session: string, token: unknown): Promise<string> =>
  writeCacheFile(cacheDir, sha256(session), token);

/** `2026-11-22T12:00:00Z` */
export const isoSeconds = iso;
