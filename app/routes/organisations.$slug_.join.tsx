// POST /organisations/:slug/join — a signed-in person asks to join; the organisation's admins are
// emailed and decide on the members page. Asking twice while a request is pending asks once.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { joinSchema } from "~/domain/community/community-forms";
import { membersPath, requestToJoin } from "~/domain/community/membership.server";
import { requireUser } from "~/web/auth.server";
import { formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

/** POST only: the button lives on the organisation's pages. */
export function loader(): never {
  throw new Response("Ask to join with the button on the organisation's page.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, joinSchema);
  if (!form.ok) return formFailure(form);
  const slug = params.slug ?? "";
  const result = await orErrorResponse(requestToJoin(user, slug, form.data.message));
  return redirect(`${membersPath(slug)}?${result.created ? "requested" : "pending"}=1`);
}
