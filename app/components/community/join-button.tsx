import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/ui/forms";

/** "Ask to join" for an organisation's page: posts to /organisations/:slug/join. */
export function JoinOrganisationButton({ slug, name }: { slug: string; name: string }) {
  return (
    <Form method="post" action={`/organisations/${encodeURIComponent(slug)}/join`}>
      <CsrfField />
      <button type="submit" className="button">
        Ask to join {name}
      </button>
    </Form>
  );
}
