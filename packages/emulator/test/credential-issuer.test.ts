import { describe, expect, it } from "vitest";
import { CredentialIssuer, isoSeconds } from "../src/credential-issuer.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0, 123);

function issuer(clock: { t: number }) {
  return new CredentialIssuer({ now: () => clock.t, lifetimeSeconds: 3600, accountId: "111122223333", roleArn: undefined, rotateBeforeSeconds: 300 });
}

describe(CredentialIssuer.name, () => {
  it("issues deterministic 20-character key ids and 40-character secrets", () => {
    const c = issuer({ t: T0 }).current();
    expect(c.accessKeyId).toBe("ASIAEMULATOR00000001");
    expect(c.accessKeyId).toHaveLength(20);
    expect(c.secretAccessKey).toHaveLength(40);
    expect(c.sessionToken).toBe("emulatorSessionToken/00000001");
    expect(c.expiration.toISOString()).toBe("2026-11-22T13:00:00.000Z");
    expect(c.accountId).toBe("111122223333");
  });

  it("rotates on demand and five minutes before expiry", () => {
    const clock = { t: T0 };
    const i = issuer(clock);
    expect(i.rotate().accessKeyId).toBe("ASIAEMULATOR00000002");
    clock.t += 54 * 60_000;
    expect(i.current().accessKeyId).toBe("ASIAEMULATOR00000002");
    clock.t += 60_000;
    expect(i.current().accessKeyId).toBe("ASIAEMULATOR00000003");
    expect(i.issuedAt).toBe(clock.t);
  });

  it("serves set credentials as given, without auto-rotation", () => {
    const clock = { t: T0 };
    const i = issuer(clock);
    const c = i.set({ accessKeyId: "AKIAFIXED", secretAccessKey: "s", expiration: "2026-11-22T12:01:00Z" });
    expect(c.expiration.toISOString()).toBe("2026-11-22T12:01:00.000Z");
    clock.t += 3_600_000;
    expect(i.current().accessKeyId).toBe("AKIAFIXED");
  });
});

describe(isoSeconds.name, () => {
  it("drops milliseconds, as IMDS and ECS do", () => {
    expect(isoSeconds(T0)).toBe("2026-11-22T12:00:00Z");
  });
});
