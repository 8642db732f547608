// GET /api/v1/events/:slug/stops/:stopId/meetings — a stop's meeting schedule (organiser API token).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageQuery } from "~/domain/integrations/api-schemas";
import { listStopMeetings } from "~/domain/integrations/api.server";
import type { ApiPrincipal } from "~/domain/integrations/api-tokens.server";
import { apiGet, parseQuery } from "~/web/api.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  apiGet(request, "read", (principal) => listStopMeetings(principal as ApiPrincipal, params.slug ?? "", params.stopId ?? "", parseQuery(request, pageQuery)));
