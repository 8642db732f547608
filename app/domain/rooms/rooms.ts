// Pure rules of matchmaking rooms: chat messages, speed-networking round settings, where a pair
// meets, and a round's countdown.
import { DomainError } from "~/domain/kernel/errors";
import { cleanMessage } from "~/domain/kernel/text";

export const MESSAGE_MAX = 1000;
export const ROUND_MINUTES_MIN = 1;
export const ROUND_MINUTES_MAX = 60;

/** Plain text of 1–1000 characters; control characters removed. */
export function parseMessageBody(raw: unknown): string {
  const text = typeof raw === "string" ? cleanMessage(raw) : "";
  if (text.length === 0) throw new DomainError("VALIDATION", "Write a message.", { fieldErrors: { body: "Write a message." } });
  if ([...text].length > MESSAGE_MAX) {
    const message = `Keep messages to ${MESSAGE_MAX} characters.`;
    throw new DomainError("VALIDATION", message, { fieldErrors: { body: message } });
  }
  return text;
}

export function parseRoundMinutes(raw: unknown): number {
  const minutes = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isInteger(minutes) || minutes < ROUND_MINUTES_MIN || minutes > ROUND_MINUTES_MAX) {
    const message = `A round lasts ${ROUND_MINUTES_MIN} to ${ROUND_MINUTES_MAX} whole minutes.`;
    throw new DomainError("VALIDATION", message, { fieldErrors: { minutes: message } });
  }
  return minutes;
}

/** Random bytes in a video room's name: at least 128 bits, so nobody can guess another pair's link. */
export const VIDEO_SECRET_MIN_LENGTH = 22;

/**
 * Where pair `index` (0-based) meets: a numbered table for in-person events, a video room for
 * online and hybrid ones (one private link per pair and round). Public video services admit
 * anyone who knows a room's name, so the name ends in `secret`: random bytes (base64url) drawn
 * per pair by the caller and stored with the pair (NetworkingPair.place).
 */
export function meetingPlace(mode: "IN_PERSON" | "ONLINE" | "HYBRID", index: number, round: { roomId: string; number: number }, secret: string): string {
  if (mode === "IN_PERSON") return `Table ${index + 1}`;
  if (!/^[A-Za-z0-9_-]+$/.test(secret) || secret.length < VIDEO_SECRET_MIN_LENGTH) throw new Error("meetingPlace needs at least 128 random bits, base64url");
  return `https://meet.jit.si/scale-${round.roomId.slice(0, 8)}-r${round.number}-p${index + 1}-${secret}`;
}

export function isVideoLink(place: string): boolean {
  return /^https:\/\//.test(place);
}

/** Seconds left in a round at `now` (0 once it is over). */
export function secondsLeft(round: { endsAt: string | Date }, now: Date): number {
  return Math.max(0, Math.ceil((new Date(round.endsAt).getTime() - now.getTime()) / 1000));
}

export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

export const INTENT_LABELS: Record<string, string> = {
  INVEST: "Invest",
  CO_FUND: "Co-fund",
  PILOT: "Pilot",
  REPLICATE: "Replicate",
  PARTNER: "Partner",
  ADVISE: "Advise",
};

/** Who is in a room, as shown to the others. */
export interface PresenceProfile {
  userId: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  organisationId: string | null;
  themes: string[];
  intents: string[];
  staff: boolean;
}

export interface MessageView {
  id: string;
  roomId: string;
  kind: "CHAT" | "CONTACT" | "SYSTEM";
  body: string;
  authorId: string;
  authorName: string;
  recipientId: string | null;
  recipientName: string | null;
  createdAt: string;
}

export interface RoundView {
  id: string;
  roomId: string;
  number: number;
  minutes: number;
  startsAt: string;
  endsAt: string;
  pairs: { position: number; a: { id: string; name: string }; b: { id: string; name: string } | null; place: string }[];
}

/** What others' pairs show instead of their private video link. */
export const OTHER_PAIRS_VIDEO = "Video call";

/**
 * What one person sees of a round: every pair, but only their own pair's video link — a link
 * is the key to that call. Moderators, who run the round, see them all.
 */
export function roundSeenBy<R extends RoundView | null>(round: R, viewerId: string, moderator: boolean): R {
  if (!round || moderator) return round;
  const pairs = round.pairs.map((pair) =>
    pair.a.id === viewerId || pair.b?.id === viewerId || !isVideoLink(pair.place) ? pair : { ...pair, place: OTHER_PAIRS_VIDEO },
  );
  return { ...round, pairs };
}
