import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight";

describe("singleFlight", () => {
  it("shares a running read between callers of the same key, and reads again once it is done", async () => {
    let reads = 0;
    let release: () => void = () => {};
    const read = singleFlight(
      (key: string) => key,
      async (key: string) => {
        reads++;
        await new Promise<void>((resolve) => (release = resolve));
        return `${key}#${reads}`;
      },
    );
    const together = [read("a"), read("a"), read("a")];
    release();
    expect(await Promise.all(together)).toEqual(["a#1", "a#1", "a#1"]);
    const later = read("a");
    release();
    expect(await later).toBe("a#2");
  });

  it("keeps keys apart and passes a failure to every caller that shared it, then forgets it", async () => {
    let calls = 0;
    const read = singleFlight(
      (key: string) => key,
      async (key: string) => {
        calls++;
        if (key === "bad" && calls === 1) throw new Error("boom");
        return key;
      },
    );
    const [first, second] = await Promise.allSettled([read("bad"), read("bad")]);
    expect(first.status).toBe("rejected");
    expect(second.status).toBe("rejected");
    expect(await read("bad")).toBe("bad");
    expect(await read("good")).toBe("good");
  });
});
