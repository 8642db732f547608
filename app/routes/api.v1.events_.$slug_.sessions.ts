// GET /api/v1/events/:slug/sessions — the published agenda.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageQuery } from "~/domain/integrations/api-schemas";
import { listPublicSessions } from "~/domain/integrations/api.server";
import { apiGet, parseQuery } from "~/web/api.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  apiGet(request, "public", () => listPublicSessions(params.slug ?? "", parseQuery(request, pageQuery)));
