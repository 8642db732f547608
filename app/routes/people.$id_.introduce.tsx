// /people/:id/introduce — ask to be introduced to a person (signed-in, verified members).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IntroducePage } from "~/components/community/introduce-page";
import { metaT } from "~/components/ui/i18n";
import { introductionSchema } from "~/domain/community/community-forms";
import { introductionTarget, requestIntroduction } from "~/domain/community/introductions.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("community.introduce.metaTitle") }];
export const headers = forwardActionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { target: await orErrorResponse(introductionTarget(user, { userId: params.id ?? "" })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, introductionSchema);
  if (!form.ok) return formFailure(form);
  try {
    await requestIntroduction(user, { userId: params.id ?? "" }, form.data.message);
    return redirect("/my/introductions?sent=1");
  } catch (error) {
    return domainFailure(error, { message: form.data.message });
  }
}

export default function IntroducePerson() {
  const { target } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return <IntroducePage target={target} failure={failure} busy={useNavigation().state === "submitting"} />;
}
