// /verify-email/:token — the emailed link confirms an address (sign-up or an email change).
// Following it is the whole act: the link is single-use, so a second click says so.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { confirmEmailToken } from "~/domain/accounts/verification.server";
import { isDomainError } from "~/domain/kernel/errors";

export const meta: MetaFunction = () => [{ title: "Confirm your email — SCALE Events" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const confirmed = await confirmEmailToken(params.token);
    return {
      ok: true as const,
      message: confirmed.kind === "changed" ? `Your account now uses ${confirmed.email}.` : "Thank you — your email address is confirmed.",
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ok: false as const, message: error.message };
  }
}

export default function VerifyEmail() {
  const result = useLoaderData<typeof loader>();
  return (
    <section className="card form-card" aria-labelledby="verify-title">
      <h1 id="verify-title">{result.ok ? "Email address confirmed" : "This link cannot be used"}</h1>
      <div className={`notice ${result.ok ? "notice--success" : "notice--error"}`} role={result.ok ? "status" : "alert"}>
        {result.message}
      </div>
      <p>
        <Link to="/events">Browse events</Link> · <Link to="/account">Your account</Link>
      </p>
    </section>
  );
}
