// "Add to calendar" block for an event page's aside: a one-off .ics, Google/Outlook links for
// the event, and a subscription to the event's public agenda feed (webcal, Google, Outlook).
// Plain links only, so it works without JavaScript.
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation();
  const newTab = <span className="visually-hidden">{t("calendar.newTab")}</span>;
  return (
    <section className="add-to-calendar" aria-labelledby="add-to-calendar-title">
      <h3 id="add-to-calendar-title">{t("calendar.addToCalendar")}</h3>
      <ul className="calendar-links">
        <li>
          <a href={links.icsUrl} download>
            {t("calendar.download")}
          </a>{" "}
          <span className="tz-note">{t("calendar.downloadApps")}</span>
        </li>
        <li>
          <a href={links.googleUrl} target="_blank" rel="noopener noreferrer">
            Google Calendar{newTab}
          </a>
        </li>
        <li>
          <a href={links.outlookUrl} target="_blank" rel="noopener noreferrer">
            Outlook.com{newTab}
          </a>
        </li>
      </ul>
      <p className="calendar-links__label">{t("calendar.follow")}</p>
      <ul className="calendar-links">
        <li>
          <a href={links.feedWebcalUrl}>{t("calendar.subscribeWebcal")}</a>
        </li>
        <li>
          <a href={links.googleSubscribeUrl} target="_blank" rel="noopener noreferrer">
            {t("calendar.subscribeGoogle")}
            {newTab}
          </a>
        </li>
        <li>
          <a href={links.outlookSubscribeUrl} target="_blank" rel="noopener noreferrer">
            {t("calendar.subscribeOutlook")}
            {newTab}
          </a>
        </li>
      </ul>
    </section>
  );
}
