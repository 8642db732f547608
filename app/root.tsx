import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { I18nProvider, metaT } from "~/components/ui/i18n";
import { SiteFooter, SiteHeader } from "~/components/ui/layout";
import { useNonce } from "~/components/ui/nonce";
import stylesheet from "~/styles/app.css";
import { seesOrganiseArea } from "~/domain/access/events.server";
import { getUser } from "~/web/auth.server";
import { resolveLanguage } from "~/web/i18n.server";
import { RESOURCES } from "~/domain/kernel/i18n/resources";
import type { Language } from "~/domain/kernel/i18n/languages";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("common.meta.title") }, { name: "description", content: t("common.meta.description") }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const language = await resolveLanguage(request, user);
  return {
    language,
    // English is in the browser bundle (the fallback); another language's messages come with the page.
    messages: language === "en" ? null : RESOURCES[language],
    // "Organise" in the header: organisers, admins, and anyone on an event's team.
    user: user ? { id: user.id, name: user.name, roles: user.roles, organises: await seesOrganiseArea(user) } : null,
    csrfToken: (context as { csrfToken?: string }).csrfToken ?? "",
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children, language }: { children: React.ReactNode; language: Language }) {
  const nonce = useNonce();
  const { t } = useTranslation();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("common.skipLink")}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, language, messages } = useLoaderData<typeof loader>();
  return (
    <I18nProvider language={language} messages={messages}>
      <Document language={language}>
        <SiteHeader user={user} />
        <main id="main" className="page">
          <Outlet />
        </main>
        <SiteFooter language={language} signedIn={user !== null} />
      </Document>
    </I18nProvider>
  );
}

export function ErrorBoundary() {
  // The root's data, when its loader ran: the error page speaks the visitor's language too.
  const root = useRouteLoaderData<typeof loader>("root");
  const language = root?.language ?? "en";
  return (
    <I18nProvider language={language} messages={root?.messages ?? null}>
      <ErrorPage language={language} />
    </I18nProvider>
  );
}

function ErrorPage({ language }: { language: Language }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string"
      ? error.data
      : ((error.data as { message?: string })?.message ?? error.statusText)
    : t("common.errors.genericMessage");
  return (
    <Document language={language}>
      <SiteHeader user={null} />
      <main id="main" className="page">
        <section className="empty-state" role="alert">
          <h1>{status === 404 ? t("common.errors.notFound") : status === 403 ? t("common.errors.forbidden") : t("common.errors.generic")}</h1>
          <p>{message}</p>
          <p>
            <a className="button" href="/events">
              {t("common.errors.browseEvents")}
            </a>
          </p>
        </section>
      </main>
    </Document>
  );
}
