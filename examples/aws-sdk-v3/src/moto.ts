import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** Printed (and the S3 test skipped) when moto is not installed. */
export const MOTO_MISSING = "moto_server is not installed (pip install 'moto[server]'): skipping the S3 part";

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops the moto_server process this started. */
  close(): Promise<void>;
}

/** A port free right now on 127.0.0.1 (moto_server wants a number, not 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` (moto's mock of AWS, accepting any
 * credentials) and waits until it answers. Resolves `undefined` when moto_server is not on PATH.
 *
 * @example
 * ```ts
 * const moto = await startMoto();
 * if (!moto) console.log(MOTO_MISSING);
 * else { const s3 = new S3Client({ endpoint: moto.url, forcePathStyle: true, region, credentials }); await moto.close(); }
 * ```
 */
export async function startMoto(options: { command?: string; startupTimeoutMs?: number } = {}): Promise<MotoServer | undefined> {
  const port = await freePort();
  const child = spawn(options.command ?? "moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-2000);
  });
  const spawned = await new Promise<boolean>((resolve, reject) => {
    child.once("spawn", () => resolve(true));
    child.once("error", (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? resolve(false) : reject(e)));
  });
  if (!spawned) return undefined;

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startupTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode} before answering: ${stderr.trim()}`);
    // Any HTTP answer means it is up (moto's dashboard lives at /moto-api/).
    const up = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1000) }).then(
      async (res) => (await res.arrayBuffer(), true),
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`moto_server did not answer on ${url} within ${options.startupTimeoutMs ?? 30_000} ms: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, close: () => stop(child) };
}
