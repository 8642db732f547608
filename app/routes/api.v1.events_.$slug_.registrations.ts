// GET /api/v1/events/:slug/registrations — organiser API token.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageQuery } from "~/domain/integrations/api-schemas";
import { listRegistrations } from "~/domain/integrations/api.server";
import type { ApiPrincipal } from "~/domain/integrations/api-tokens.server";
import { apiGet, parseQuery } from "~/web/api.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  apiGet(request, "read", (principal) => listRegistrations(principal as ApiPrincipal, params.slug ?? "", parseQuery(request, pageQuery)));
