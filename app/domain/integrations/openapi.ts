// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas in api-schemas.ts (zod 4's
// own JSON Schema output, whose 2020-12 dialect is OpenAPI 3.1's). Pure: the route serves it, the
// docs page renders it and a test calls every operation it lists.
import { z } from "zod";
import * as S from "./api-schemas";

export type Auth = "public" | "read" | "write";

export interface Operation {
  method: "get" | "post";
  path: string;
  operationId: string;
  summary: string;
  auth: Auth;
  pathParams: { name: string; description: string }[];
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** Writes: 201 when the effect happened now, 200 when it had happened before. */
  status: number;
}

const slug = { name: "slug", description: "The event's slug, as in its page address." };

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/events",
    operationId: "listEvents",
    summary: "Public events, soonest first",
    auth: "public",
    pathParams: [],
    query: S.eventListQuery,
    response: S.EventPage,
    status: 200,
  },
  {
    method: "get",
    path: "/events/{slug}",
    operationId: "getEvent",
    summary: "One public event",
    auth: "public",
    pathParams: [slug],
    response: S.Event,
    status: 200,
  },
  {
    method: "get",
    path: "/events/{slug}/sessions",
    operationId: "listSessions",
    summary: "The published agenda of an event",
    auth: "public",
    pathParams: [slug],
    query: S.pageQuery,
    response: S.SessionPage,
    status: 200,
  },
  {
    method: "get",
    path: "/events/{slug}/stops",
    operationId: "listStops",
    summary: "The stops of a roadshow",
    auth: "public",
    pathParams: [slug],
    query: S.pageQuery,
    response: S.StopPage,
    status: 200,
  },
  {
    method: "get",
    path: "/events/{slug}/registrations",
    operationId: "listRegistrations",
    summary: "Registrations, oldest first",
    auth: "read",
    pathParams: [slug],
    query: S.pageQuery,
    response: S.RegistrationPage,
    status: 200,
  },
  {
    method: "get",
    path: "/events/{slug}/check-ins",
    operationId: "listCheckIns",
    summary: "Check-ins, earliest first",
    auth: "read",
    pathParams: [slug],
    query: S.pageQuery,
    response: S.CheckInPage,
    status: 200,
  },
  {
    method: "post",
    path: "/events/{slug}/check-ins",
    operationId: "createCheckIn",
    summary: "Check a registration in",
    auth: "write",
    pathParams: [slug],
    body: S.checkInBody,
    response: S.CheckInResult,
    status: 201,
  },
  {
    method: "get",
    path: "/events/{slug}/stops/{stopId}/meetings",
    operationId: "listStopMeetings",
    summary: "The meeting schedule of a roadshow stop",
    auth: "read",
    pathParams: [slug, { name: "stopId", description: "The stop's id." }],
    query: S.pageQuery,
    response: S.MeetingPage,
    status: 200,
  },
];

const COMPONENTS: z.ZodType[] = [S.Event, S.Session, S.Stop, S.Registration, S.CheckIn, S.CheckInResult, S.Meeting, S.checkInBody, S.Problem];
const PAGES: z.ZodType[] = [S.EventPage, S.SessionPage, S.StopPage, S.RegistrationPage, S.CheckInPage, S.MeetingPage];

const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(schema)?.id as string}` });

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const schema of [...COMPONENTS, ...PAGES]) registry.add(schema, { id: z.globalRegistry.get(schema)?.id as string });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: "output" });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
}

function withoutDialect(schema: object): object {
  const { $schema: _dialect, id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
}

function queryParameters(query: z.ZodObject) {
  const json = z.toJSONSchema(query, { io: "input" }) as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

function operationObject(op: Operation) {
  const parameters: object[] = op.pathParams.map((p) => ({ name: p.name, in: "path", required: true, description: p.description, schema: { type: "string" } }));
  if (op.query) parameters.push(...queryParameters(op.query));
  if (op.method === "get")
    parameters.push({
      name: "If-None-Match",
      in: "header",
      required: false,
      description: "An ETag of an earlier answer: 304 when unchanged.",
      schema: { type: "string" },
    });
  if (op.method === "post")
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Up to 200 characters; the same key and body replay the first answer.",
      schema: { type: "string", maxLength: 200 },
    });
  const responses: Record<string, unknown> = {
    [String(op.status)]: { description: "OK", content: { "application/json": { schema: ref(op.response) } } },
    "400": problem("Invalid input, with one entry per field in `errors`."),
    "404": problem("No such public event (or not visible to this token)."),
    "429": problem("Too many requests; see Retry-After."),
  };
  if (op.method === "get") responses["304"] = { description: "Not modified (If-None-Match matched the ETag)." };
  if (op.status === 201) responses["200"] = { description: "Already done before", content: { "application/json": { schema: ref(op.response) } } };
  if (op.auth !== "public") {
    responses["401"] = problem("No valid API token.");
    responses["403"] = problem("The token may not do this (other scope, or read-only).");
  }
  if (op.method === "post") responses["422"] = problem("The Idempotency-Key was used with another body, or the request cannot be done.");
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.auth === "public" ? "Public" : "Organiser"],
    ...(op.auth === "public" ? { security: [] } : { security: [{ bearerAuth: [] }] }),
    parameters,
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "SCALE Events API",
      version: "1.0.0",
      description:
        "Public events, agendas and roadshow stops without a token; registrations, check-ins and meeting schedules with an organiser's API token (Authorization: Bearer …). Lists are paged with an opaque cursor; answers carry an ETag; errors are RFC 9457 problem details.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    tags: [
      { name: "Public", description: "No token needed." },
      { name: "Organiser", description: "An organiser API token scoped to the event or its organisation." },
    ],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token created under Organise → event → API." } },
      schemas: componentSchemas(),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
