import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/forms";

/** "Ask to join" for an organisation's page: posts to /organisations/:slug/join. */
export function JoinOrganisationButton({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={`/organisations/${encodeURIComponent(slug)}/join`}>
      <CsrfField />
      <button type="submit" className="button">
        {t("network.organisation.askToJoin", { name })}
      </button>
    </Form>
  );
}
