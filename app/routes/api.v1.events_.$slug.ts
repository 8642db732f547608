// GET /api/v1/events/:slug — one public event.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicEvent } from "~/domain/integrations/api.server";
import { apiGet } from "~/web/api.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => apiGet(request, "public", () => getPublicEvent(params.slug ?? ""));
