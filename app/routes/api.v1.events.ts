// GET /api/v1/events — public events (see app/domain/integrations/openapi.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventListQuery } from "~/domain/integrations/api-schemas";
import { listPublicEvents } from "~/domain/integrations/api.server";
import { apiGet, parseQuery } from "~/web/api.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiGet(request, "public", () => listPublicEvents(parseQuery(request, eventListQuery)));
