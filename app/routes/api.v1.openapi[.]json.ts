// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the API's zod schemas.
import { openApiDocument } from "~/domain/integrations/openapi";
import { publicUrl } from "~/platform/env.server";

export const loader = () =>
  new Response(JSON.stringify(openApiDocument(publicUrl()), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
