// /organise/events/:slug/polls.csv — the event's poll ballots for spreadsheets, with the same CSV rules
// as the registrations export (quoted, formula-safe, UTF-8 with BOM).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { pollsCsv } from "~/domain/engagement/exports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  const body = await pollsCsv(event);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug.replace(/[^A-Za-z0-9._-]+/g, "-")}-polls.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
