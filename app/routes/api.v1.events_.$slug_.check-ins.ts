// GET /api/v1/events/:slug/check-ins (read token) and POST (read-write token, Idempotency-Key).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { checkInBody, pageQuery } from "~/domain/integrations/api-schemas";
import { checkInRegistration, listCheckIns } from "~/domain/integrations/api.server";
import type { ApiPrincipal } from "~/domain/integrations/api-tokens.server";
import { apiGet, apiWrite, parseQuery } from "~/web/api.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  apiGet(request, "read", (principal) => listCheckIns(principal as ApiPrincipal, params.slug ?? "", parseQuery(request, pageQuery)));

export const action = ({ request, params }: ActionFunctionArgs) =>
  apiWrite(request, checkInBody, async (principal, body) => {
    const { created, checkIn } = await checkInRegistration(principal, params.slug ?? "", body);
    return { status: created ? 201 : 200, body: { result: created ? "CHECKED_IN" : "ALREADY", checkIn } };
  });
