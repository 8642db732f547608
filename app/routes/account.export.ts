// /account/export — GDPR Art. 15/20: the signed-in person's data as a JSON download. It acts only
// on the session's user; there is no id in the URL to swap.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/domain/privacy/export.server";
import { requireUser } from "~/web/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await exportPersonalData(user.id);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="scale-events-my-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
