// GET /embed/events?theme=&kind=&city= — the event list partner sites frame (server/security.ts
// allows framing here only and sets no cookie). A resource route: no app layout, no scripts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { EmbedEventList } from "~/components/integrations/EmbedEventList";
import { embedEventList } from "~/domain/integrations/embed.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const list = await embedEventList(new URL(request.url).searchParams);
  const html = renderToStaticMarkup(createElement(EmbedEventList, { ...list, stylesheet: "/embed.css" }));
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
