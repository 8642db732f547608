// The Q&A relay's per-session throttle: the first change goes out at once, a burst within the
// window is coalesced without breaking the cursor chain, sessions are independent.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { QaChange } from "~/domain/qa/questions";
import { throttledRelay } from "../../server/realtime/qa";

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
