// Choosing the Redis adapter: sharded pub/sub needs Redis 7, older servers get the classic one.
import { describe, expect, it } from "vitest";
import { redisMajorVersion } from "../../server/realtime/adapter";

describe("redisMajorVersion", () => {
  it("reads the major version from INFO server", () => {
    expect(redisMajorVersion("# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:00000000\r\n")).toBe(7);
    expect(redisMajorVersion("# Server\r\nredis_version:6.2.14\r\n")).toBe(6);
  });

  it("is 0 when INFO does not say, so the classic adapter is used", () => {
    expect(redisMajorVersion("")).toBe(0);
    expect(redisMajorVersion("redis_version:unknown")).toBe(0);
  });
});
