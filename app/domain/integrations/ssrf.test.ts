import { describe, expect, it } from "vitest";
import { isForbiddenAddress } from "./ssrf";

describe("SSRF address rules", () => {
  it("refuses private, loopback, link-local and unique-local addresses of both families", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fd00::1",
      "fc12:3456::1",
      "fe80::1",
      "[::1]",
      "fe80::1%eth0",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a00:1",
      "64:ff9b::10.0.0.1",
      "not-an-ip",
    ])
      expect(isForbiddenAddress(address), address).toBe(true);
  });

  it("allows public addresses", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
      expect(isForbiddenAddress(address), address).toBe(false);
  });
});
