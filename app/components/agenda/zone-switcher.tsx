// "Times in the event's zone, or mine": a GET form (works without JavaScript: pick a zone and
// submit) plus, once JavaScript runs, a one-click button using the browser's own zone.
import { Form, useNavigate, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";

/** Zones offered in the select: Europe's (where SCALE meets) and UTC; the current ones are added. */
export const EUROPEAN_ZONES = [
  "Atlantic/Azores",
  "Atlantic/Canary",
  "Europe/Lisbon",
  "Europe/Dublin",
  "Europe/London",
  "Europe/Madrid",
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Amsterdam",
  "Europe/Luxembourg",
  "Europe/Berlin",
  "Europe/Copenhagen",
  "Europe/Oslo",
  "Europe/Stockholm",
  "Europe/Vienna",
  "Europe/Zurich",
  "Europe/Rome",
  "Europe/Prague",
  "Europe/Warsaw",
  "Europe/Budapest",
  "Europe/Ljubljana",
  "Europe/Zagreb",
  "Europe/Belgrade",
  "Europe/Bratislava",
  "Europe/Athens",
  "Europe/Bucharest",
  "Europe/Sofia",
  "Europe/Helsinki",
  "Europe/Tallinn",
  "Europe/Riga",
  "Europe/Vilnius",
  "Europe/Istanbul",
  "Europe/Kyiv",
  "Asia/Nicosia",
  "Europe/Malta",
  "UTC",
] as const;

export function ZoneSwitcher({ eventZone, shownZone, viewerZone }: { eventZone: string; shownZone: string; viewerZone: string | null }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    try {
      setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
    } catch {
      setBrowserZone(null);
    }
  }, []);
  const zones = [...new Set([eventZone, ...(viewerZone ? [viewerZone] : []), ...(browserZone ? [browserZone] : []), ...EUROPEAN_ZONES])];
  const kept = [...params.entries()].filter(([key]) => key !== "tz");
  const go = (zone: string | null) => {
    const next = new URLSearchParams(kept);
    if (zone && zone !== eventZone) next.set("tz", zone);
    const query = next.toString();
    navigate(query ? `?${query}` : "?", { preventScrollReset: true, replace: true });
  };
  const inEventZone = shownZone === eventZone;
  return (
    <div className="zone-switcher" role="group" aria-label="Time zone">
      <p className="zone-switcher__now">
        Times in <strong>{shownZone.replace(/_/g, " ")}</strong>
        {inEventZone ? " (the event's time zone)" : " (your choice)"}
      </p>
      <div className="zone-switcher__actions">
        {browserZone && browserZone !== shownZone ? (
          <button type="button" className="button button--small" onClick={() => go(browserZone)}>
            Show in my time zone
          </button>
        ) : null}
        {!inEventZone ? (
          <button type="button" className="button button--small button--ghost" onClick={() => go(null)} hidden={!browserZone}>
            Back to the event's time zone
          </button>
        ) : null}
        <Form method="get" className="zone-switcher__form">
          {kept.map(([key, value], index) => (
            <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
          ))}
          <label htmlFor="tz-select" className="visually-hidden">
            Time zone
          </label>
          <select id="tz-select" name="tz" defaultValue={shownZone}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
                {zone === eventZone ? " (event)" : ""}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small button--ghost">
            Show times
          </button>
        </Form>
      </div>
    </div>
  );
}
