import type { Credentials, CredentialProvider } from "@credchain/core";
import { startContainer, startImds, type ContainerEmulator, type ImdsEmulator } from "@credchain/emulator";
import { fromContainerMetadata } from "@credchain/provider-container";
import { fromInstanceMetadata } from "@credchain/provider-imds";
import { withRefresh } from "@credchain/refresh-manager";
import { afterEach, describe, expect, it } from "vitest";
import { defaultChain } from "../src/index.js";
import { credentialGets, HOUR, manualClock, MINUTE, recordingLogger, trackUnhandledRejections } from "./http.js";
import { envFor, homeWith } from "./home.js";

// The real stack against the emulator's loopback servers: one upstream credentials request per
// refresh, however many callers wait for it.
const CALLERS = 10_000;
const rejections = trackUnhandledRejections();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  // Rejections are reported after the microtask queue drains.
  await new Promise((r) => setTimeout(r, 5));
  rejections.expectNone();
});

type Clock = ReturnType<typeof manualClock>;
interface Setup {
  name: string;
  start(clock: Clock): Promise<{ emulator: ContainerEmulator | ImdsEmulator; provider: CredentialProvider }>;
}

async function container(clock: Clock): Promise<ContainerEmulator> {
  const c = await startContainer({ now: clock.now, authorizationToken: "Bearer test" });
  open.push(c);
  return c;
}
async function imds(clock: Clock): Promise<ImdsEmulator> {
  const i = await startImds({ now: clock.now, allowV1: false });
  open.push(i);
  return i;
}

const SETUPS: Setup[] = [
  {
    name: "withRefresh(fromContainerMetadata())",
    async start(clock) {
      const emulator = await container(clock);
      const provider = withRefresh(fromContainerMetadata({ env: emulator.env, now: clock.now, timeoutMs: 1000 }), { now: clock.now });
      return { emulator, provider };
    },
  },
  {
    name: "withRefresh(fromInstanceMetadata())",
    async start(clock) {
      const emulator = await imds(clock);
      const provider = withRefresh(fromInstanceMetadata({ env: emulator.env, now: clock.now, timeoutMs: 1000 }), { now: clock.now });
      return { emulator, provider };
    },
  },
  {
    name: "defaultChain() on the container endpoint",
    async start(clock) {
      const emulator = await container(clock);
      const home = await homeWith({});
      return { emulator, provider: defaultChain({ env: envFor(home, emulator.env), now: clock.now }) };
    },
  },
  {
    name: "defaultChain() on IMDS",
    async start(clock) {
      const emulator = await imds(clock);
      const home = await homeWith({});
      const env = { ...envFor(home, emulator.env), AWS_EC2_METADATA_DISABLED: "false" };
      return { emulator, provider: defaultChain({ env, now: clock.now }) };
    },
  },
];

async function all(provider: CredentialProvider): Promise<Credentials[]> {
  return Promise.all(Array.from({ length: CALLERS }, () => provider()));
}

function distinctKeys(list: Credentials[]): string[] {
  return [...new Set(list.map((c) => c.accessKeyId))];
}

describe.each(SETUPS)("$name against the emulator", (setup) => {
  it(`makes one credentials request for ${CALLERS} concurrent first calls, then one per refresh of expired credentials`, async () => {
    const clock = manualClock();
    const { emulator, provider } = await setup.start(clock);

    const first = await all(provider);
    expect(distinctKeys(first)).toEqual(["ASIAEMULATOR00000001"]);
    expect(credentialGets(emulator.requests)).toHaveLength(1);

    // Cached: no request at all.
    const seen = emulator.requests.length;
    await all(provider);
    expect(emulator.requests).toHaveLength(seen);

    // Past the 6-hour expiry (the emulator, on the same clock, issues the next credentials).
    for (const round of [2, 3]) {
      clock.advance(6 * HOUR + MINUTE);
      const refreshed = await all(provider);
      expect(distinctKeys(refreshed)).toEqual([`ASIAEMULATOR0000000${round}`]);
      expect(refreshed[0]!.expiration!.getTime()).toBeGreaterThan(clock.now());
      expect(credentialGets(emulator.requests)).toHaveLength(round);
    }
  }, 30_000);

  it("makes one credentials request for concurrent callers in the mandatory window", async () => {
    const clock = manualClock();
    const { emulator, provider } = await setup.start(clock);
    await provider();
    // 6 h credentials: the mandatory window is botocore's 10 minutes. Rotating now gives the
    // emulator fresh 6 h credentials (rotated earlier, they would expire with the first ones and
    // IMDS static stability would step in).
    clock.advance(6 * HOUR - 9 * MINUTE);
    emulator.rotate();
    const refreshed = await all(provider);
    expect(distinctKeys(refreshed)).toEqual(["ASIAEMULATOR00000002"]);
    expect(credentialGets(emulator.requests)).toHaveLength(2);
  }, 30_000);
});

describe.each(SETUPS)("$name: credentials rotated in the emulator", (setup) => {
  it("are not fetched while the cached ones are fresh, and are picked up at the next refresh", async () => {
    const clock = manualClock();
    const { emulator, provider } = await setup.start(clock);
    expect((await provider()).accessKeyId).toBe("ASIAEMULATOR00000001");

    clock.advance(HOUR);
    emulator.rotate();
    expect((await provider()).accessKeyId).toBe("ASIAEMULATOR00000001");
    expect(credentialGets(emulator.requests)).toHaveLength(1);

    // Mandatory window (10 min before the first credentials expire): the caller waits for the new ones.
    clock.advance(5 * HOUR - 9 * MINUTE);
    const next = await provider();
    expect(next.accessKeyId).toBe("ASIAEMULATOR00000002");
    expect(next.expiration).toEqual(emulator.credentials().expiration);
    expect(credentialGets(emulator.requests)).toHaveLength(2);
  });

  it("are picked up by a background refresh in the advisory window, the caller keeping the cached ones meanwhile", async () => {
    const clock = manualClock();
    const { emulator, provider } = await setup.start(clock);
    await provider();

    // Advisory window (15 min), before the mandatory one (10 min).
    clock.advance(6 * HOUR - 12 * MINUTE);
    emulator.rotate();
    expect((await provider()).accessKeyId).toBe("ASIAEMULATOR00000001");
    await expect.poll(() => credentialGets(emulator.requests).length).toBe(2);
    await expect.poll(async () => (await provider()).accessKeyId).toBe("ASIAEMULATOR00000002");
    expect(credentialGets(emulator.requests)).toHaveLength(2);
  });

  it("are fetched at once with forceRefresh", async () => {
    const clock = manualClock();
    const { emulator, provider } = await setup.start(clock);
    await provider();
    const rotated = emulator.rotate();
    const forced = await Promise.all(Array.from({ length: 100 }, () => provider({ forceRefresh: true })));
    expect(distinctKeys(forced)).toEqual([rotated.accessKeyId]);
    expect(credentialGets(emulator.requests)).toHaveLength(2);
  });

  it("are fetched when setCredentials changes them, with the new expiration", async () => {
    const clock = manualClock();
    const { emulator, provider } = await setup.start(clock);
    await provider();
    clock.advance(6 * HOUR - 9 * MINUTE);
    const set = emulator.setCredentials({ accessKeyId: "ASIAROTATEDBYHAND", expiration: clock.now() + 3 * HOUR });
    const next = await provider();
    expect(next).toMatchObject({ accessKeyId: "ASIAROTATEDBYHAND", expiration: set.expiration });
  });
});

describe("an emulator with a logger attached", () => {
  it("logs no warning on a clean refresh", async () => {
    const clock = manualClock();
    const emulator = await imds(clock);
    const logger = recordingLogger();
    const provider = withRefresh(fromInstanceMetadata({ env: emulator.env, now: clock.now, logger }), { now: clock.now, logger });
    await provider();
    clock.advance(6 * HOUR + MINUTE);
    await provider();
    expect(logger.warnings).toEqual([]);
  });
});
