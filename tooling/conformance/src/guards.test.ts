import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ORACLE_SCRIPT } from "./run-botocore.js";
import { PACKAGE_ROOT } from "./scenario.js";

// Both guards are checked with the real connect replaced by a recorder first, so a broken guard
// shows up as a recorded call, never as a packet to 169.254.169.254.
const GUARD = pathToFileURL(join(PACKAGE_ROOT, "scripts", "loopback-guard.mjs")).href;

describe("loopback-guard.mjs (credchain side)", () => {
  it("refuses non-loopback hosts and lets loopback through", () => {
    const script = `
      import net from "node:net";
      const calls = [];
      net.Socket.prototype.connect = function (...a) { calls.push(a[0].host ?? a[1]); return this; };
      await import(${JSON.stringify(GUARD)});
      const out = [];
      for (const host of ["169.254.169.254", "169.254.170.2", "example.com", "127.0.0.1", "localhost", "::1"]) {
        try { new net.Socket().connect({ host, port: 80 }); out.push(host + " ok"); }
        catch { out.push(host + " refused"); }
      }
      console.log(JSON.stringify({ out, calls }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      out: ["169.254.169.254 refused", "169.254.170.2 refused", "example.com refused", "127.0.0.1 ok", "localhost ok", "::1 ok"],
      calls: ["127.0.0.1", "localhost", "::1"],
    });
  });
});

const python = spawnSync(process.env.CONFORMANCE_PYTHON ?? "python3", ["-c", "import boto3"], { encoding: "utf8" });

describe("botocore-oracle.py (botocore side)", () => {
  it.skipIf(python.status !== 0)("refuses non-loopback hosts and lets loopback through", () => {
    const script = `
import importlib.util, json, socket
calls = []
socket.socket.connect = lambda self, address: calls.append(address[0])
spec = importlib.util.spec_from_file_location("oracle", ${JSON.stringify(ORACLE_SCRIPT)})
oracle = importlib.util.module_from_spec(spec); spec.loader.exec_module(oracle)
oracle._refuse_non_loopback()
out = []
for host in ["169.254.169.254", "169.254.170.2", "example.com", "127.0.0.1", "localhost"]:
    s = socket.socket()
    try:
        s.connect((host, 80)); out.append(host + " ok")
    except ConnectionRefusedError:
        out.append(host + " refused")
    finally:
        s.close()
lookups = []
for host in ["sts.amazonaws.com", "localhost", "127.0.0.1"]:
    try:
        socket.getaddrinfo(host, 443); lookups.append(host + " ok")
    except socket.gaierror:
        lookups.append(host + " refused")
print(json.dumps({"out": out, "calls": calls, "lookups": lookups}))`;
    const r = spawnSync(process.env.CONFORMANCE_PYTHON ?? "python3", ["-c", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      out: ["169.254.169.254 refused", "169.254.170.2 refused", "example.com refused", "127.0.0.1 ok", "localhost ok"],
      calls: ["127.0.0.1", "localhost"],
      lookups: ["sts.amazonaws.com refused", "localhost ok", "127.0.0.1 ok"],
    });
  });
});
