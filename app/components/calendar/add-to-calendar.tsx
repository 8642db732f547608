// "Add to calendar" block for an event page's aside: a one-off .ics, Google/Outlook links for
// the event, and a subscription to the event's public agenda feed (webcal, Google, Outlook).
// Plain links only, so it works without JavaScript.

export interface AddToCalendarLinks {
  icsUrl: string;
  feedUrl: string;
  feedWebcalUrl: string;
  googleUrl: string;
  outlookUrl: string;
  googleSubscribeUrl: string;
  outlookSubscribeUrl: string;
}

export function AddToCalendar({ links }: { links: AddToCalendarLinks }) {
  return (
    <section className="add-to-calendar" aria-labelledby="add-to-calendar-title">
      <h3 id="add-to-calendar-title">Add to calendar</h3>
      <ul className="calendar-links">
        <li>
          <a href={links.icsUrl} download>
            Download .ics
          </a>{" "}
          <span className="tz-note">(Apple, Outlook, Thunderbird)</span>
        </li>
        <li>
          <a href={links.googleUrl} target="_blank" rel="noopener noreferrer">
            Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
        <li>
          <a href={links.outlookUrl} target="_blank" rel="noopener noreferrer">
            Outlook.com<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
      </ul>
      <p className="calendar-links__label">Follow the agenda — changes reach your calendar:</p>
      <ul className="calendar-links">
        <li>
          <a href={links.feedWebcalUrl}>Subscribe (webcal)</a>
        </li>
        <li>
          <a href={links.googleSubscribeUrl} target="_blank" rel="noopener noreferrer">
            Subscribe in Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
        <li>
          <a href={links.outlookSubscribeUrl} target="_blank" rel="noopener noreferrer">
            Subscribe in Outlook.com<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
      </ul>
    </section>
  );
}
