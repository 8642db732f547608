// /people/:id — a listed person's profile, for signed-in members (the person always sees their
// own, listed or not). Anybody else gets 404 for an unlisted or unknown person.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PersonProfile } from "~/components/network/person-profile";
import { personPage } from "~/domain/network/people.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name} — SCALE Events` : "People — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const person = await orErrorResponse(personPage(user, params.id ?? ""));
  return { person };
}

export default function Person() {
  const { person } = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/people">People</Link>
      </nav>
      <PersonProfile person={person} />
    </>
  );
}
