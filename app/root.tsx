import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { SiteFooter, SiteHeader } from "~/components/ui/layout";
import { useNonce } from "~/components/ui/nonce";
import stylesheet from "~/styles/app.css";
import { seesOrganiseArea } from "~/domain/access/events.server";
import { getUser } from "~/web/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "SCALE Events — smart-city roadshows, workshops and webinars" },
  {
    name: "description",
    content: "Find and join the SCALE network's roadshows, workshops, webinars and matchmaking for Europe's lighthouse and fellow cities.",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    // "Organise" in the header: organisers, admins, and anyone on an event's team.
    user: user ? { id: user.id, name: user.name, roles: user.roles, organises: await seesOrganiseArea(user) } : null,
    csrfToken: (context as { csrfToken?: string }).csrfToken ?? "",
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <Document>
      <SiteHeader user={user} />
      <main id="main" className="page">
        <Outlet />
      </main>
      <SiteFooter />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string"
      ? error.data
      : ((error.data as { message?: string })?.message ?? error.statusText)
    : "Something went wrong on our side. Please try again in a moment.";
  return (
    <Document>
      <SiteHeader user={null} />
      <main id="main" className="page">
        <section className="empty-state" role="alert">
          <h1>{status === 404 ? "Page not found" : status === 403 ? "Not allowed" : "Something went wrong"}</h1>
          <p>{message}</p>
          <p>
            <a className="button" href="/events">
              Browse events
            </a>
          </p>
        </section>
      </main>
    </Document>
  );
}
