// /organise/events/:slug/feedback.csv — the event's feedback answers for spreadsheets, with the same CSV rules
// as the registrations export (quoted, formula-safe, UTF-8 with BOM).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { feedbackCsv } from "~/domain/engagement/exports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  const body = await feedbackCsv(event);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug.replace(/[^A-Za-z0-9._-]+/g, "-")}-feedback.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
