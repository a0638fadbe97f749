import { startContainer, type ContainerEmulator } from "@credchain/emulator";
import type { KeyEntry } from "./verify-sigv4.js";

export interface RotatingContainer {
  container: ContainerEmulator;
  /** The key table the OpenSearch server checks: every key issued, valid until it expires. */
  keys: Map<string, KeyEntry>;
  /** Serves fresh short-lived credentials (`ASIAEMULATOR0000000n`) and adds them to the key table. */
  rotate(): void;
  /** How many times `rotate()` ran after the first issue. */
  readonly rotations: number;
  close(): Promise<void>;
}

/**
 * The emulator's container endpoint (ECS / EKS Pod Identity) serving credentials that live
 * `lifetimeMs`, each rotation issuing new ones. Old keys stay valid until they expire, as with
 * real role credentials, and are then refused by the server.
 *
 * @example
 * ```ts
 * const rc = await startRotatingContainer({ lifetimeMs: 1500, authorizationToken: "local-token" });
 * setInterval(rc.rotate, 250);
 * // AWS_CONTAINER_CREDENTIALS_FULL_URI = rc.container.fullUri
 * ```
 */
export async function startRotatingContainer(options: { lifetimeMs: number; authorizationToken: string }): Promise<RotatingContainer> {
  const container = await startContainer({ authorizationToken: options.authorizationToken });
  const keys = new Map<string, KeyEntry>();
  let issued = 0;
  const rotate = () => {
    // Whole seconds: the endpoint serves Expiration without fractions, as ECS does.
    const expiration = Math.ceil((Date.now() + options.lifetimeMs) / 1000) * 1000;
    const c = container.setCredentials({ expiration });
    keys.set(c.accessKeyId, { secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiresAt: expiration });
    issued++;
  };
  rotate();
  return {
    container,
    keys,
    rotate,
    get rotations() {
      return issued - 1;
    },
    close: () => container.close(),
  };
}
