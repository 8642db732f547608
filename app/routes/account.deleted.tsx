// /account/deleted — where an erased account lands (signed out by then).
import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Account deleted — SCALE Events" }];

export default function AccountDeleted() {
  return (
    <section className="account-page stack" aria-labelledby="deleted-title">
      <h1 id="deleted-title">Your account is deleted</h1>
      <p>
        Your personal data is erased, your registrations and meetings are cancelled and you are signed out everywhere. Payments and invoices stay for as long as
        accounting law requires; the <Link to="/privacy">privacy notice</Link> says how long.
      </p>
      <p>
        <Link to="/events" className="button">
          Browse events
        </Link>
      </p>
    </section>
  );
}
