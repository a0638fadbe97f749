import { afterAll, describe, expect, it } from "vitest";
import { faultHome, findSecrets, PLANTED, runCli } from "../src/index.js";

describe("runCli", () => {
  const homes: Array<{ remove(): Promise<void> }> = [];
  afterAll(() => Promise.all(homes.map((h) => h.remove())));

  it("runs the real CLI in an empty HOME: no credentials, exit 1, JSON error", async () => {
    const home = await faultHome();
    homes.push(home);
    const r = await runCli(["export", "--format", "json"], { env: home.env() });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ Error: { Code: "NoCredentials" } });
  });

  it("kills a run past its timeout", async () => {
    const home = await faultHome();
    homes.push(home);
    const r = await runCli(["exec", "--", process.execPath, "-e", "setTimeout(() => {}, 60000)"], {
      env: home.env({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: PLANTED.secretAccessKey }),
      timeoutMs: 500,
    });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
  });
});

describe("findSecrets", () => {
  it("finds a planted secret or a piece of one, and nothing in clean text", () => {
    expect(findSecrets(`key=${PLANTED.secretAccessKey.slice(8, 24)}`)).toEqual(["secretAccessKey"]);
    expect(findSecrets("lines 3, 4 and 9: no value quoted")).toEqual([]);
  });
});
