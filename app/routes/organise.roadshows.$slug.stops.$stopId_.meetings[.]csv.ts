// GET /organise/roadshows/:slug/stops/:stopId/meetings.csv — the stop's meetings for organisers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { httpStatusFor, isDomainError } from "~/domain/kernel/errors";
import { organiserStopCsv } from "~/domain/meetings/organiser.server";
import { requireUser } from "~/web/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    const { filename, body } = await organiserStopCsv(user, params.slug ?? "", params.stopId);
    return new Response(body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response(error.message, { status: httpStatusFor(error.code) });
    throw error;
  }
}
