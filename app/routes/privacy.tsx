// /privacy — what the platform keeps, why and for how long; its version is what sign-up records.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PRIVACY_VERSION } from "~/domain/accounts/privacy";
import { answerRetentionMonths } from "~/domain/privacy/retention.server";

export const meta: MetaFunction = () => [{ title: "Privacy — SCALE Events" }];

export function loader() {
  return { version: PRIVACY_VERSION, answerMonths: answerRetentionMonths() };
}

export default function Privacy() {
  const { version, answerMonths } = useLoaderData<typeof loader>();
  return (
    <section className="stack prose" aria-labelledby="privacy-title">
      <h1 id="privacy-title">Privacy</h1>
      <p>
        Version <strong data-testid="privacy-version">{version}</strong>. This is what SCALE Events keeps about you, why, and for how long. You can{" "}
        <Link to="/account/security">download all of it or delete your account</Link> at any time (GDPR Art. 15, 17 and 20).
      </p>
      <table className="data-table">
        <caption>What we keep</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Why</th>
            <th scope="col">For how long</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Your account: name, email, password (only as an argon2 hash), time zone, email choices, two-factor settings</td>
            <td>To sign you in and send you what you asked for</td>
            <td>Until you delete your account</td>
          </tr>
          <tr>
            <td>Registrations, agenda picks, meetings and their outcomes, questions and room messages</td>
            <td>To run the events you take part in</td>
            <td>Until you delete your account; questions and messages then stay as from &ldquo;a deleted member&rdquo;</td>
          </tr>
          <tr>
            <td>Answers to organisers&apos; registration questions</td>
            <td>The organiser asked them to plan the event</td>
            <td>Erased {answerMonths} months after the event ends, or when you delete your account</td>
          </tr>
          <tr>
            <td>Payments and invoices (amounts, status, dates — never card data, which only Stripe sees)</td>
            <td>Accounting and tax law</td>
            <td>10 years, also after you delete your account</td>
          </tr>
          <tr>
            <td>Emails we send you (the outbox)</td>
            <td>To deliver them and show that they were sent</td>
            <td>90 days</td>
          </tr>
          <tr>
            <td>Sign-in sessions (device, coarse network address, last seen)</td>
            <td>To keep you signed in and let you see where you are</td>
            <td>Until they expire or you sign out</td>
          </tr>
          <tr>
            <td>Server logs</td>
            <td>To keep the service running and secure</td>
            <td>Short-lived; they never contain passwords, tokens or feed links</td>
          </tr>
        </tbody>
      </table>
      <p>
        When you delete your account we cancel your live registrations and meetings (telling the other person), stop your calendar feeds and erase your personal
        data.
      </p>
    </section>
  );
}
