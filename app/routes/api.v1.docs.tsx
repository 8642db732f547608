// /api/v1/docs — the API's documentation, rendered on the server from the OpenAPI document.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ApiDocs } from "~/components/integrations/ApiDocs";
import { docsFrom } from "~/domain/integrations/docs";
import { openApiDocument } from "~/domain/integrations/openapi";
import { publicUrl } from "~/platform/env.server";

export const meta: MetaFunction = () => [{ title: "API documentation — SCALE Events" }];

export function loader() {
  return docsFrom(openApiDocument(publicUrl()));
}

export default function ApiDocsPage() {
  const docs = useLoaderData<typeof loader>();
  return <ApiDocs {...docs} />;
}
