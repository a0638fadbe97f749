import type { CredentialProvider } from "@credchain/core";
import { startContainer, startImds, type ContainerEmulator, type Fault, type ImdsEmulator } from "@credchain/emulator";
import { fromContainerMetadata } from "@credchain/provider-container";
import { fromInstanceMetadata } from "@credchain/provider-imds";
import { withRefresh } from "@credchain/refresh-manager";
import { afterEach, describe, expect, it, type TestContext } from "vitest";
import { defaultChain } from "../src/index.js";
import { credchainErrorOf, HOUR, manualClock, MINUTE, recordingLogger, settle, trackUnhandledRejections, type Outcome } from "./http.js";
import { envFor, homeWith } from "./home.js";

// Every emulator fault, at the first fetch and at a refresh, for IMDS and the container endpoint:
// the caller gets valid credentials or a CredchainError with a code, never expired credentials
// without a word (IMDS static stability serves held credentials on, with a warning and an
// expiration in the future), and nothing is left as an unhandled rejection.
// Long enough that a loaded machine still answers in time; faults delay past it (×3).
const TIMEOUT_MS = 1000;
const FAULTS: Fault[] = [
  401,
  403,
  404,
  405,
  500,
  503,
  { delayMs: TIMEOUT_MS * 3 },
  "hang",
  "reset",
  "malformed-json",
  "truncated-json",
  "empty-body",
  "expired-credentials",
];

const rejections = trackUnhandledRejections();
afterEach(async () => {
  // Rejections are reported after the microtask queue drains.
  await new Promise((r) => setTimeout(r, 5));
  rejections.expectNone();
});

type Clock = ReturnType<typeof manualClock>;
type Logger = ReturnType<typeof recordingLogger>;
type Emulator = ContainerEmulator | ImdsEmulator;

interface Stack {
  name: string;
  kind: "imds" | "container";
  /** Where the fault goes. */
  route: string;
  /** What a caller gets, as `expectSafe` names it: pinned, so a change of behaviour is seen. */
  expected(fault: Fault, phase: "first" | "refresh"): string;
  start(t: TestContext, clock: Clock, logger: Logger): Promise<{ emulator: Emulator; provider: CredentialProvider }>;
}

async function imds(t: TestContext, clock: Clock): Promise<ImdsEmulator> {
  const e = await startImds({ now: clock.now });
  t.onTestFinished(() => e.close());
  return e;
}
async function container(t: TestContext, clock: Clock): Promise<ContainerEmulator> {
  const e = await startContainer({ now: clock.now, authorizationToken: "Bearer test" });
  t.onTestFinished(() => e.close());
  return e;
}

const imdsInit = { timeoutMs: TIMEOUT_MS, maxAttempts: 2 };
const containerInit = { timeoutMs: TIMEOUT_MS, maxAttempts: 3, retryDelayMs: 0 };

// IMDS finding nothing is "not here" (botocore returns None); once credentials are held, a
// failed refresh serves them on with a new expiration (static stability), as does an answer that
// is already expired. Faults on the token alone end in IMDSv1, except a 200 with a garbled token,
// which IMDS then refuses (401), as in botocore.
const imdsExpected =
  (route: string) =>
  (fault: Fault, phase: "first" | "refresh"): string => {
    if (route === "/latest/api/token") {
      if (fault !== "malformed-json" && fault !== "truncated-json") return "credentials";
      return phase === "first" ? "error NoCredentials" : "extended credentials";
    }
    return phase === "refresh" || fault === "expired-credentials" ? "extended credentials" : "error NoCredentials";
  };
// The container endpoint is configured, so any failure is an error (the chain stops there), and
// expired credentials are refused.
const containerExpected = () => "error CredentialRetrieval";

const withRefreshImds = (route: string): Stack => ({
  name: `withRefresh(fromInstanceMetadata()), fault on ${route}`,
  kind: "imds",
  route,
  expected: imdsExpected(route),
  async start(t, clock, logger) {
    const emulator = await imds(t, clock);
    const provider = withRefresh(fromInstanceMetadata({ env: emulator.env, now: clock.now, logger, ...imdsInit }), { now: clock.now, logger });
    return { emulator, provider };
  },
});

const STACKS: Stack[] = [
  withRefreshImds("*"),
  withRefreshImds("/latest/api/token"),
  withRefreshImds("/latest/meta-data/iam/*"),
  {
    name: "withRefresh(fromContainerMetadata())",
    kind: "container",
    route: "/creds",
    expected: containerExpected,
    async start(t, clock, logger) {
      const emulator = await container(t, clock);
      const provider = withRefresh(fromContainerMetadata({ env: emulator.env, now: clock.now, logger, ...containerInit }), {
        now: clock.now,
        logger,
      });
      return { emulator, provider };
    },
  },
  {
    name: "defaultChain() on IMDS, fault on *",
    kind: "imds",
    route: "*",
    expected: imdsExpected("*"),
    async start(t, clock, logger) {
      const emulator = await imds(t, clock);
      const env = { ...envFor(await homeWith({}), emulator.env), AWS_EC2_METADATA_DISABLED: "false" };
      return { emulator, provider: defaultChain({ env, now: clock.now, logger, imds: imdsInit }) };
    },
  },
  {
    name: "defaultChain() on the container endpoint",
    kind: "container",
    route: "/creds",
    expected: containerExpected,
    async start(t, clock, logger) {
      const emulator = await container(t, clock);
      const env = envFor(await homeWith({}), emulator.env);
      return { emulator, provider: defaultChain({ env, now: clock.now, logger, container: containerInit }) };
    },
  },
];

const STATIC_STABILITY = /^iam-role: .*static stability/;

/** The invariant: valid credentials (extended only with a warning, by IMDS) or a coded CredchainError. */
function expectSafe(outcome: Outcome, stack: Stack, emulator: Emulator, clock: Clock, logger: Logger): string {
  if (!outcome.ok) return `error ${credchainErrorOf(outcome).code}`;
  const { credentials } = outcome;
  expect(credentials.expiration!.getTime()).toBeGreaterThan(clock.now());
  expect(credentials.accessKeyId).toMatch(/^ASIAEMULATOR\d{8}$/);
  const served = emulator.credentials();
  if (credentials.accessKeyId === served.accessKeyId && credentials.expiration!.getTime() === served.expiration.getTime()) {
    return "credentials";
  }
  // Anything but what the endpoint serves now: only IMDS static stability, and never silently.
  expect(stack.kind).toBe("imds");
  expect(logger.warnings.some((w) => STATIC_STABILITY.test(w))).toBe(true);
  return "extended credentials";
}

/** A container error names the status the endpoint answered. */
function expectStatus(outcome: Outcome, stack: Stack, fault: Fault): void {
  if (stack.kind === "container" && typeof fault === "number") {
    const error = credchainErrorOf(outcome);
    expect(error.status).toBe(fault);
    expect(error.message).toContain(`non 200 response ${fault}`);
  }
}

const faultName = (f: Fault) => (typeof f === "object" ? JSON.stringify(f) : String(f));

describe.each(STACKS)("$name", (stack) => {
  describe.concurrent.each(FAULTS.map((f) => [faultName(f), f] as const))("fault %s", (_, fault) => {
    it("at the first fetch: credentials or a coded error; the next call after the fault clears succeeds", async (t) => {
      const clock = manualClock();
      const logger = recordingLogger();
      const { emulator, provider } = await stack.start(t, clock, logger);
      emulator.fault(stack.route, fault);
      const outcome = await settle(provider());
      expect(expectSafe(outcome, stack, emulator, clock, logger)).toBe(stack.expected(fault, "first"));
      expectStatus(outcome, stack, fault);

      emulator.clearFaults();
      // Past the IMDS unreachable cache (60 s) and the refresh backoff (10 s).
      clock.advance(MINUTE + 1000);
      const again = await settle(provider());
      expect(expectSafe(again, stack, emulator, clock, logger)).not.toMatch(/^error/);
    });

    it("at a refresh of expired credentials: fresh credentials, a coded error or (IMDS) held ones with a warning", async (t) => {
      const clock = manualClock();
      const logger = recordingLogger();
      const { emulator, provider } = await stack.start(t, clock, logger);
      const first = await provider();
      expect(first.accessKeyId).toBe("ASIAEMULATOR00000001");

      clock.advance(6 * HOUR + MINUTE);
      emulator.fault(stack.route, fault);
      const outcome = await settle(provider());
      const what = expectSafe(outcome, stack, emulator, clock, logger);
      expect(what).toBe(stack.expected(fault, "refresh"));
      expectStatus(outcome, stack, fault);
      // Held ones when IMDS failed; the new ones when it served them already expired.
      if (what === "extended credentials" && outcome.ok) {
        expect([first.accessKeyId, emulator.credentials().accessKeyId]).toContain(outcome.credentials.accessKeyId);
      }

      emulator.clearFaults();
      clock.advance(MINUTE + 1000);
      const again = await settle(provider());
      expect(expectSafe(again, stack, emulator, clock, logger)).not.toMatch(/^error/);
    });
  });
});
