import { describe, expect, it } from "vitest";
import * as root from "../src/index.js";
import * as local from "../src/local.js";

describe("@credchain/core/local", () => {
  it("is the root entry without HTTP: the same values, less the transports and what makes or needs them", () => {
    for (const [name, value] of Object.entries(local)) expect(root[name as keyof typeof root], name).toBe(value);
    expect(Object.keys(root).filter((name) => !(name in local)).sort()).toEqual([
      "TransportError",
      "directTransport",
      "fetchTransport",
      "httpTransport",
      "resolveContext",
      "resolveEndpointUrl",
    ]);
  });
});
