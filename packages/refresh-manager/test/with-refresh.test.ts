import { CredchainError, createCredentials, type Credentials, type ProviderCallOptions } from "@credchain/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRefresh, type RefreshInfo, type WithRefreshOptions } from "../src/with-refresh.js";

const MIN = 60_000;
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

/** A fake clock and timer queue: nothing in these tests waits on real time. */
function fakeTime() {
  let t = T0;
  const timers: { cb: () => void; at: number; unref: boolean; cleared: boolean }[] = [];
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    timers,
    setTimeout(cb: () => void, ms: number) {
      const timer = { cb, at: t + ms, unref: false, cleared: false };
      timers.push(timer);
      return { unref: () => (timer.unref = true), timer };
    },
    clearTimeout(handle: unknown) {
      (handle as { timer: { cleared: boolean } }).timer.cleared = true;
    },
    pending() {
      return timers.filter((x) => !x.cleared && x.at >= 0);
    },
    /** Moves the clock to the next pending timer and fires it. */
    fireNext() {
      const next = this.pending().sort((a, b) => a.at - b.at)[0];
      if (!next) throw new Error("no pending timer");
      t = Math.max(t, next.at);
      next.cleared = true;
      next.cb();
    },
  };
}

/** An upstream provider that records calls and answers from a script of outcomes. */
function upstream(clock: { now: () => number }, lifetimeMs: number | null = 60 * MIN) {
  const calls: (ProviderCallOptions | undefined)[] = [];
  let failWith: unknown;
  let gate: Promise<void> | undefined;
  let nextLifetime = lifetimeMs;
  const provider = async (options?: ProviderCallOptions): Promise<Credentials> => {
    calls.push(options);
    const n = calls.length;
    if (gate) await gate;
    if (failWith !== undefined) throw failWith;
    return createCredentials({
      accessKeyId: `AKIDEXAMPLE${n}`,
      secretAccessKey: SECRET,
      sessionToken: "token-secret",
      ...(nextLifetime !== null && { expiration: new Date(clock.now() + nextLifetime) }),
      source: "iam-role",
    });
  };
  return {
    provider,
    calls,
    fail(error: unknown) {
      failWith = error;
    },
    succeed() {
      failWith = undefined;
    },
    lifetime(ms: number | null) {
      nextLifetime = ms;
    },
    /** Holds every upstream call until the returned function is called. */
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(async () => {
  await flush();
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

function setup(options: Omit<WithRefreshOptions, "now"> = {}, lifetimeMs: number | null = 60 * MIN) {
  const clock = fakeTime();
  const up = upstream(clock, lifetimeMs);
  const refreshed: RefreshInfo[] = [];
  const errors: [unknown, RefreshInfo][] = [];
  const provider = withRefresh(up.provider, {
    now: clock.now,
    setTimeout: (cb, ms) => clock.setTimeout(cb, ms),
    clearTimeout: (h) => clock.clearTimeout(h),
    random: () => 0.5,
    onRefresh: (info) => refreshed.push(info),
    onError: (error, info) => errors.push([error, info]),
    ...options,
  });
  return { clock, up, provider, refreshed, errors };
}

describe(withRefresh.name, () => {
  it("returns a nameless function, so a chain labels it by its place (a bare function's name is its label)", () => {
    const provider = withRefresh(async () => ({ accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s", source: "explicit" as const }));
    expect(provider.name.replace(/^bound /, "")).toBe("");
    expect(typeof provider.dispose).toBe("function");
  });

  it("caches credentials until the advisory window", async () => {
    const { clock, up, provider } = setup();
    const first = await provider();
    clock.advance(44 * MIN);
    expect(await provider()).toBe(first);
    expect(up.calls).toHaveLength(1);
  });

  it("caches credentials without expiration forever, until forceRefresh", async () => {
    const { clock, up, provider } = setup({}, null);
    const first = await provider();
    clock.advance(365 * 24 * 60 * MIN);
    expect(await provider()).toBe(first);
    expect(up.calls).toHaveLength(1);
    const forced = await provider({ forceRefresh: true });
    expect(forced).not.toBe(first);
    expect(up.calls).toEqual([undefined, { forceRefresh: true }]);
  });

  it("makes exactly one upstream call for 10,000 concurrent callers of expired credentials", async () => {
    const { clock, up, provider } = setup();
    await provider();
    clock.advance(61 * MIN);
    const release = up.hold();
    const pending = Array.from({ length: 10_000 }, () => provider());
    await flush();
    expect(up.calls).toHaveLength(2);
    release();
    const results = await Promise.all(pending);
    expect(new Set(results).size).toBe(1);
    expect(results[0]!.accessKeyId).toBe("AKIDEXAMPLE2");
    expect(up.calls).toHaveLength(2);
  });

  it("makes exactly one upstream call for 10,000 concurrent first callers", async () => {
    const { up, provider } = setup();
    const results = await Promise.all(Array.from({ length: 10_000 }, () => provider()));
    expect(new Set(results).size).toBe(1);
    expect(up.calls).toHaveLength(1);
  });

  it("in the advisory window, serves the cached credentials while one refresh runs", async () => {
    const { clock, up, provider, refreshed } = setup();
    const first = await provider();
    clock.advance(46 * MIN); // 14 minutes left
    const release = up.hold();
    const during = await Promise.all([provider(), provider(), provider()]);
    expect(during.every((c) => c === first)).toBe(true);
    expect(up.calls).toHaveLength(2);
    release();
    await flush();
    const after = await provider();
    expect(after.accessKeyId).toBe("AKIDEXAMPLE2");
    expect(refreshed.map((r) => r.reason)).toEqual(["initial", "advisory"]);
  });

  it("in the advisory window, a failed refresh keeps serving the cached credentials and backs off", async () => {
    const { clock, up, provider, errors } = setup({ retryIntervalMs: 30_000 });
    const first = await provider();
    clock.advance(46 * MIN);
    const boom = new Error("endpoint down");
    up.fail(boom);
    expect(await provider()).toBe(first);
    await flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toBe(boom);
    expect(errors[0]![1].reason).toBe("advisory");
    expect(await provider()).toBe(first); // backing off: no second call
    expect(up.calls).toHaveLength(2);
    clock.advance(30_000);
    expect(await provider()).toBe(first);
    await flush();
    expect(up.calls).toHaveLength(3);
  });

  it("in the mandatory window, callers wait and a failure rejects with the provider's error", async () => {
    const { clock, up, provider } = setup({ retryIntervalMs: 30_000 });
    await provider();
    clock.advance(51 * MIN); // 9 minutes left
    const boom = new CredchainError({ code: "MetadataRetrieval", message: "IMDS answered 500", source: "iam-role" });
    up.fail(boom);
    await expect(provider()).rejects.toBe(boom);
    // Backing off: the same error, no new upstream call.
    await expect(provider()).rejects.toBe(boom);
    expect(up.calls).toHaveLength(2);
    clock.advance(30_000);
    up.succeed();
    expect((await provider()).accessKeyId).toBe("AKIDEXAMPLE3");
  });

  it("in the mandatory window, callers get the refreshed credentials", async () => {
    const { clock, provider } = setup();
    await provider();
    clock.advance(51 * MIN);
    expect((await provider()).accessKeyId).toBe("AKIDEXAMPLE2");
  });

  it("never returns expired credentials: a failed refresh past expiry rejects", async () => {
    const { clock, up, provider } = setup();
    await provider();
    clock.advance(60 * MIN);
    const boom = new Error("down");
    up.fail(boom);
    await expect(provider()).rejects.toBe(boom);
    await expect(provider()).rejects.toBe(boom);
  });

  it("rejects credentials that arrive already expired, without the secret in the message", async () => {
    const { up, provider } = setup({}, 0);
    up.lifetime(-1);
    const error = await provider().catch((e: unknown) => e);
    expect(CredchainError.isInstance(error)).toBe(true);
    expect((error as CredchainError).code).toBe("CredentialRetrieval");
    expect((error as Error).message).toMatch(/still expired/);
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).not.toContain("token-secret");
  });

  it("keeps short-lived credentials for three quarters of their life", async () => {
    const { clock, up, provider } = setup({}, 5 * MIN);
    await provider();
    for (let i = 0; i < 3; i++) {
      clock.advance(MIN);
      await provider();
    }
    clock.advance(40_000); // 3 min 40 s: 80 s left, outside the 75 s advisory window
    await provider();
    expect(up.calls).toHaveLength(1);
    clock.advance(10_000); // 70 s left: advisory
    await provider();
    await flush();
    expect(up.calls).toHaveLength(2);
  });

  it("does not loop on a provider whose credentials arrive inside the refresh window", async () => {
    // botocore's fixed windows on 5-minute credentials: every credential is due at once.
    const { clock, up, provider } = setup(
      { advisoryWindowMs: 15 * MIN, mandatoryWindowMs: 10 * MIN, retryIntervalMs: 60_000 },
      5 * MIN,
    );
    const first = await provider();
    for (let i = 0; i < 100; i++) {
      clock.advance(500);
      expect(await provider()).toBe(first);
    }
    expect(up.calls).toHaveLength(1);
    clock.advance(10_000); // retry interval over
    expect((await provider()).accessKeyId).toBe("AKIDEXAMPLE2");
  });

  it("accepts windows as functions of the lifetime, the mandatory never wider than the advisory", async () => {
    const lifetimes: number[] = [];
    const { clock, up, provider } = setup({
      advisoryWindowMs: (l) => (lifetimes.push(l), l / 2),
      mandatoryWindowMs: () => 99 * MIN,
    });
    await provider();
    expect(lifetimes).toEqual([60 * MIN]);
    clock.advance(29 * MIN);
    await provider();
    expect(up.calls).toHaveLength(1);
    clock.advance(2 * MIN); // inside the (clamped) mandatory window: callers wait
    expect((await provider()).accessKeyId).toBe("AKIDEXAMPLE2");
  });

  it("forceRefresh calls upstream with forceRefresh and shares one call among forced callers", async () => {
    const { up, provider } = setup();
    const first = await provider();
    const release = up.hold();
    const forced = [provider({ forceRefresh: true }), provider({ forceRefresh: true }), provider()];
    await flush();
    release();
    const [a, b, c] = await Promise.all(forced);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(c).toBe(first); // a plain caller with valid credentials does not wait
    expect(up.calls).toEqual([undefined, { forceRefresh: true }]);
  });

  it("calls onRefresh and onError with the reason, and survives hooks that throw", async () => {
    const clock = fakeTime();
    const up = upstream(clock);
    const seen: string[] = [];
    const provider = withRefresh(up.provider, {
      now: clock.now,
      onRefresh: (info) => {
        seen.push(`ok ${info.reason} ${info.source} ${info.expiration?.toISOString()}`);
        throw new Error("hook bug");
      },
      onError: (error, info) => {
        seen.push(`error ${info.reason} ${(error as Error).message} ${info.previousExpiration?.toISOString()}`);
        throw new Error("hook bug");
      },
    });
    await provider();
    clock.advance(55 * MIN);
    up.fail(new Error("nope"));
    await expect(provider()).rejects.toThrow("nope");
    const exp = new Date(T0 + 60 * MIN).toISOString();
    expect(seen).toEqual([`ok initial iam-role ${exp}`, `error mandatory nope ${exp}`]);
  });

  it("logs failures through the logger without secrets", async () => {
    const lines: string[] = [];
    const clock = fakeTime();
    const up = upstream(clock);
    const provider = withRefresh(up.provider, {
      now: clock.now,
      logger: { debug: (m) => lines.push(m), warn: (m) => lines.push(`WARN ${m}`) },
    });
    await provider();
    clock.advance(48 * MIN);
    up.fail(new Error("connection refused"));
    await provider();
    await flush();
    expect(lines.some((l) => l.startsWith("WARN") && l.includes("advisory") && l.includes("connection refused"))).toBe(true);
    expect(lines.join("\n")).not.toContain(SECRET);
    // A provider of the caller's own may put anything in its error: the log line quotes it redacted.
    clock.advance(3 * MIN);
    up.fail(new Error(`vault said PASSWORD=hunter2-S3CRET\n${"x".repeat(3000)}`));
    await provider().catch(() => undefined);
    await flush();
    const last = lines.filter((l) => l.startsWith("WARN")).at(-1)!;
    expect(last).toMatch(/failed: vault said PASSWORD=\[redacted\] x+… \(2,\d{3} more characters\)$/);
  });

  it("lets a caller's signal abandon its wait without cancelling the shared refresh", async () => {
    const { up, provider } = setup();
    const release = up.hold();
    const controller = new AbortController();
    const abandoned = provider({ signal: controller.signal });
    const patient = provider();
    controller.abort(new Error("caller gave up"));
    await expect(abandoned).rejects.toThrow("caller gave up");
    release();
    expect((await patient).accessKeyId).toBe("AKIDEXAMPLE1");
    expect(up.calls).toHaveLength(1);
    await expect(provider({ signal: AbortSignal.abort(new Error("already")) })).rejects.toThrow("already");
  });

  it("with a provider that throws synchronously, rejects and recovers", async () => {
    let n = 0;
    const provider = withRefresh(((): Promise<Credentials> => {
      if (++n === 1) throw new Error("sync failure");
      return Promise.resolve(createCredentials({ accessKeyId: "AKID", secretAccessKey: SECRET, source: "env" }));
    }) as never);
    await expect(provider()).rejects.toThrow("sync failure");
    expect((await provider()).accessKeyId).toBe("AKID");
  });

  describe("background refresh", () => {
    it("arms an unref'd timer inside the advisory window and refreshes when it fires", async () => {
      const { clock, up, provider, refreshed } = setup({ background: true });
      await provider();
      const [timer] = clock.pending();
      expect(timer?.unref).toBe(true);
      // advisory starts 15 min before expiry; jitter (random 0.5) moves it up to 2.5 min later
      expect(timer!.at).toBe(T0 + 45 * MIN + 0.5 * 5 * MIN * 0.5);
      clock.fireNext();
      await flush();
      expect(up.calls).toHaveLength(2);
      expect(refreshed.map((r) => r.reason)).toEqual(["initial", "background"]);
      expect(clock.pending()).toHaveLength(1); // re-armed for the new credentials
    });

    it("retries after a failed background refresh, and stops on dispose", async () => {
      const { clock, up, provider, errors } = setup({ background: true, retryIntervalMs: 20_000 });
      const first = await provider();
      up.fail(new Error("down"));
      clock.fireNext();
      await flush();
      expect(errors.map(([, i]) => i.reason)).toEqual(["background"]);
      expect(await provider()).toBe(first); // still valid, advisory failure is not a caller's error
      const [retry] = clock.pending();
      expect(retry!.at).toBe(clock.now() + 20_000);
      provider.dispose();
      expect(clock.pending()).toHaveLength(0);
    });

    it("arms no timer for credentials that never expire", async () => {
      const { clock, provider } = setup({ background: true }, null);
      await provider();
      expect(clock.pending()).toHaveLength(0);
    });
  });
});
