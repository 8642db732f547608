// Closing the server does not wait on connections that will never finish by themselves: a
// connection a client opened but never used (browsers preconnect) is cut after the grace period
// instead of holding the shutdown until Node's 60 s headers timeout.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { startTestServer } from "../support/app-server";

describe("graceful shutdown", () => {
  it("closes promptly although a client holds an unused connection open", async () => {
    const server = await startTestServer();
    const idle = net.connect({ host: "127.0.0.1", port: server.port });
    await new Promise<void>((resolve) => idle.once("connect", () => resolve()));
    const cut = new Promise<void>((resolve) => idle.once("close", () => resolve()));
    const started = performance.now();
    await server.close();
    await cut;
    // The test server's grace period is 500 ms; Node alone would have waited 60 s.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
