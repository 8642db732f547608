// RFC 9457 problem details: the one error shape of the REST API. Pure.
import type { z } from "zod";

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { name: string; detail: string }[];
}

const TITLES: Record<number, string> = {
  400: "Invalid request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable request",
  429: "Too many requests",
};

export function problem(status: number, detail: string, extra: { code?: string; errors?: ProblemDetails["errors"] } = {}): ProblemDetails {
  const code = extra.code ?? TITLES[status]?.toLowerCase().replace(/\s+/g, "-") ?? "error";
  return {
    type: `https://scale-events.eu/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
}

/** Zod issues as problem field errors: the name is the field's path ("registrationId", "limit"). */
export function fieldErrors(error: z.ZodError): { name: string; detail: string }[] {
  return error.issues.map((issue) => ({ name: issue.path.map(String).join(".") || "(body)", detail: issue.message }));
}
