// /organise/events/:slug/registrations.csv — every registration with its answers, for
// spreadsheets (quoted, formula-safe, UTF-8 with BOM).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { registrationsCsv } from "~/domain/registration/reports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  const body = await registrationsCsv(event);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug.replace(/[^A-Za-z0-9._-]+/g, "-")}-registrations.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
