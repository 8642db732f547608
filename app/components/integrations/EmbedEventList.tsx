// The embeddable event list: a whole, light HTML document (no scripts, no cookies) rendered to a
// string by the /embed/events route. Links open the event on SCALE Events in a new tab.
import type { EmbedItem } from "~/domain/integrations/embed.server";

export function EmbedEventList({ heading, items, moreUrl, stylesheet }: { heading: string; items: EmbedItem[]; moreUrl: string; stylesheet: string }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{heading}</title>
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body className="embed">
        <main>
          <h1 className="embed__title">{heading}</h1>
          {items.length === 0 ? (
            <p className="embed__empty">No upcoming events match right now.</p>
          ) : (
            <ul className="embed__list">
              {items.map((item) => (
                <li key={item.url} className="embed__item">
                  <a href={item.url} target="_blank" rel="noopener">
                    {item.title}
                  </a>
                  {item.cancelled && <strong className="embed__cancelled"> Cancelled</strong>}
                  <p className="embed__meta">
                    <time>{item.when}</time> · {item.where} · {item.kind}
                  </p>
                  {item.themes.length > 0 && <p className="embed__themes">{item.themes.join(" · ")}</p>}
                </li>
              ))}
            </ul>
          )}
          <p className="embed__more">
            <a href={moreUrl} target="_blank" rel="noopener">
              All events on SCALE Events
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
