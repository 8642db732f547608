// The Q&A relay's per-session throttle: the first change goes out at once, a burst within the
// window is coalesced without breaking the cursor chain, sessions are independent.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { QaChange } from "~/domain/qa/questions";
import { throttledRelay } from "../../server/realtime/qa";
import { throttledPollRelay } from "../../server/realtime/polls";

const change = (sessionId: string, prev: number, cursor: number, id = "q", votes = cursor): QaChange => ({
  sessionId,
  prev,
  cursor,
  questions: [
    {
      id,
      sessionId,
      authorId: "a",
      authorName: "A",
      body: "b",
      anonymous: false,
      status: "VISIBLE",
      highlighted: false,
      votes,
      changeSeq: cursor,
      editedAt: null,
      createdAt: "2026-01-01T00:00:00Z",
    },
  ],
});

afterEach(() => vi.useRealTimers());

describe("throttled relay", () => {
  it("sends the first change at once and coalesces the rest of the window into one", () => {
    vi.useFakeTimers();
    const sent: QaChange[] = [];
    const relay = throttledRelay((c) => sent.push(c), 100);
    relay.push(change("s", 0, 1));
    expect(sent.map((c) => c.cursor)).toEqual([1]);
    for (let i = 2; i <= 50; i++) relay.push(change("s", i - 1, i));
    relay.push(change("t", 7, 8));
    expect(sent.map((c) => [c.sessionId, c.cursor])).toEqual([
      ["s", 1],
      ["t", 8],
    ]);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ sessionId: "s", prev: 1, cursor: 50 });
    expect(sent[2].questions).toHaveLength(1);
    expect(sent[2].questions[0].votes).toBe(50);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(3);
    relay.close();
  });

  it("flushes what is buffered on close", () => {
    vi.useFakeTimers();
    const sent: QaChange[] = [];
    const relay = throttledRelay((c) => sent.push(c), 100);
    relay.push(change("s", 0, 1));
    relay.push(change("s", 1, 2));
    relay.close();
    expect(sent.map((c) => c.cursor)).toEqual([1, 2]);
  });
});

describe("throttled poll relay", () => {
  const relayed = () => {
    const sent: { pollId: string; at: number }[] = [];
    const relay = throttledPollRelay(async (c) => void sent.push({ pollId: c.pollId, at: Date.now() }), 100);
    return { sent, relay };
  };

  it("sends a lone ballot's change at once and merges the rest of the window into one at its end", () => {
    vi.useFakeTimers({ now: 0 });
    const { sent, relay } = relayed();
    relay.push({ sessionId: "s", pollId: "p" });
    expect(sent).toEqual([{ pollId: "p", at: 0 }]);
    vi.advanceTimersByTime(30);
    for (let i = 0; i < 20; i++) relay.push({ sessionId: "s", pollId: "p" });
    relay.push({ sessionId: "s", pollId: "q" });
    expect(sent.map((s) => s.pollId)).toEqual(["p", "q"]);
    vi.advanceTimersByTime(70);
    expect(sent).toEqual([
      { pollId: "p", at: 0 },
      { pollId: "q", at: 30 },
      { pollId: "p", at: 100 },
    ]);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(3);
  });

  it("holds a change with ballots queued behind it, and sends the one that ends the storm at once", () => {
    vi.useFakeTimers({ now: 0 });
    const { sent, relay } = relayed();
    relay.push({ sessionId: "s", pollId: "p", more: true });
    vi.advanceTimersByTime(20);
    relay.push({ sessionId: "s", pollId: "p", more: true });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(20);
    relay.push({ sessionId: "s", pollId: "p", more: false });
    expect(sent).toEqual([{ pollId: "p", at: 40 }]);
    // That send opened a window of its own: the next change waits for its end.
    vi.advanceTimersByTime(10);
    relay.push({ sessionId: "s", pollId: "p" });
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(90);
    expect(sent).toEqual([
      { pollId: "p", at: 40 },
      { pollId: "p", at: 140 },
    ]);
  });

  it("sends a storm still running at the window's end, so a long storm shows its count at least once per window", () => {
    vi.useFakeTimers({ now: 0 });
    const { sent, relay } = relayed();
    for (let t = 0; t < 250; t += 10) {
      relay.push({ sessionId: "s", pollId: "p", more: true });
      vi.advanceTimersByTime(10);
    }
    expect(sent.map((s) => s.at)).toEqual([100, 200]);
  });
});
