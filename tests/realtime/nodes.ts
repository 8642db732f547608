// Spawns app nodes as child processes (`node --import tsx tests/realtime/node-server.ts`) and
// tells whether a Redis server answers for the Redis-adapter variants.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface AppNode {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
  kill(): Promise<void>;
  request<T>(message: { type: string }): Promise<T>;
}

export async function startNode(env: Record<string, string | undefined>, options: { execArgv?: string[]; timeoutMs?: number } = {}): Promise<AppNode> {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), "--import", "tsx", "tests/realtime/node-server.ts"], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start: ${stderr}`)), options.timeoutMs ?? 60_000);
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}: ${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
    request<T>(message: { type: string }) {
      return new Promise<T>((resolve) => {
        const listener = (reply: unknown) => {
          if ((reply as { type?: string })?.type === message.type) {
            child.off("message", listener);
            resolve(reply as T);
          }
        };
        child.on("message", listener);
        child.send(message);
      });
    },
  };
}

/** REDIS_URL when set, else redis://127.0.0.1:6379 if something answers PING there; otherwise null. */
export async function reachableRedis(): Promise<string | null> {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const { hostname, port } = new URL(url);
  const ok = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG") || data.toString().startsWith("-NOAUTH")));
  });
  // A configured Redis that does not answer is a broken environment, not a reason to skip.
  if (!ok && process.env.REDIS_URL) throw new Error(`REDIS_URL is set (${url}) but Redis does not answer`);
  return ok ? url : null;
}
