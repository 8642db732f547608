// GET /api/v1/events/:slug/stops — a roadshow's stops.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageQuery } from "~/domain/integrations/api-schemas";
import { listPublicStops } from "~/domain/integrations/api.server";
import { apiGet, parseQuery } from "~/web/api.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  apiGet(request, "public", () => listPublicStops(params.slug ?? "", parseQuery(request, pageQuery)));
