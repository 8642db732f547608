// The organiser page's forms (API tokens and webhooks), one schema per intent. Pure.
import { z } from "zod";

export const WEBHOOK_TYPES = [
  "registration.confirmed",
  "registration.cancelled",
  "checkin.created",
  "meeting.booked",
  "meeting.cancelled",
  "session.changed",
] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export const WEBHOOK_TYPE_LABELS: Record<WebhookType, string> = {
  "registration.confirmed": "Registration confirmed",
  "registration.cancelled": "Registration cancelled",
  "checkin.created": "Checked in",
  "meeting.booked": "Meeting booked",
  "meeting.cancelled": "Meeting cancelled",
  "session.changed": "Agenda session changed",
};

const scope = z.enum(["event", "organisation"], { error: "Choose what the token may see." });
const asArray = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const createTokenForm = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. after the system that uses it.").max(80, "Keep the name under 80 characters."),
  access: z.enum(["READ", "READ_WRITE"], { error: "Choose read-only or read-write." }),
  scope,
});

export const revokeTokenForm = z.object({ tokenId: z.string().uuid("Choose a token.") });

export const createWebhookForm = z.object({
  url: z.string().trim().min(1, "Enter the address that receives the deliveries.").max(2000, "That address is too long."),
  types: z.preprocess(asArray, z.array(z.enum(WEBHOOK_TYPES)).min(1, "Choose at least one kind of event.")),
  scope,
});

export const endpointForm = z.object({ endpointId: z.string().uuid("Choose an endpoint.") });
export const replayForm = z.object({ deliveryId: z.string().uuid("Choose a delivery.") });

/** Every intent of the API & webhooks page, told apart by the hidden `intent` field. */
export const apiPageForm = z.discriminatedUnion("intent", [
  createTokenForm.extend({ intent: z.literal("create-token") }),
  revokeTokenForm.extend({ intent: z.literal("revoke-token") }),
  createWebhookForm.extend({ intent: z.literal("create-webhook") }),
  endpointForm.extend({ intent: z.literal("delete-webhook") }),
  endpointForm.extend({ intent: z.literal("enable-webhook") }),
  replayForm.extend({ intent: z.literal("replay") }),
]);
export type ApiPageForm = z.infer<typeof apiPageForm>;
