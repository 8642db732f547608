import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { endSession } from "~/web/auth.server";
import { readForm } from "~/web/forms.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request, z.object({}));
  return endSession(request);
}
