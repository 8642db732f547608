import { afterEach, describe, expect, it } from "vitest";
import { env, publicUrl, resetEnvForTests, servedOverHttps } from "./env.server";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("environment", () => {
  it("names the variable that is wrong instead of failing later", () => {
    process.env.AGENDA_REMINDERS = "tomorrow";
    resetEnvForTests();
    expect(() => env()).toThrow(/AGENDA_REMINDERS: use a comma-separated list like 24h,15m/);
    process.env.AGENDA_REMINDERS = "24h, 15m";
    process.env.PORT = "not-a-port";
    resetEnvForTests();
    expect(() => env()).toThrow(/PORT/);
  });

  it("marks cookies Secure only when the public URL is https", () => {
    process.env.PUBLIC_URL = "http://events.intranet.example";
    resetEnvForTests();
    expect(servedOverHttps()).toBe(false);
    process.env.PUBLIC_URL = "https://events.scale-cities.eu";
    resetEnvForTests();
    expect(servedOverHttps()).toBe(true);
  });

  it("derives a usable public address without PUBLIC_URL, also when the port is chosen at start (PORT=0)", () => {
    delete process.env.PUBLIC_URL;
    process.env.PORT = "4100";
    resetEnvForTests();
    expect(publicUrl()).toBe("http://localhost:4100");
    process.env.PORT = "0";
    resetEnvForTests();
    expect(publicUrl()).toBe("http://localhost");
    process.env.PUBLIC_URL = "ftp://events.example";
    resetEnvForTests();
    expect(() => env()).toThrow(/PUBLIC_URL/);
  });
});
