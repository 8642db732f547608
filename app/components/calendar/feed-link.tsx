// Shows a personal feed address once, with copy-friendly fields and subscribe links.
import { TextField } from "~/components/ui/forms";

export interface FeedLinkProps {
  feedUrl: string;
  webcalUrl: string;
  googleSubscribeUrl: string;
  outlookSubscribeUrl: string;
}

export function FeedLink({ feedUrl, webcalUrl, googleSubscribeUrl, outlookSubscribeUrl }: FeedLinkProps) {
  return (
    <div className="feed-link stack">
      <TextField label="Your calendar link" id="feed-url" type="text" readOnly value={feedUrl} className="feed-link__url" />
      <TextField
        label="The same link for Apple Calendar and desktop Outlook (webcal)"
        id="feed-webcal"
        type="text"
        readOnly
        value={webcalUrl}
        className="feed-link__url"
      />
      <div className="feed-link__actions">
        <a className="button button--small" href={webcalUrl}>
          Subscribe on this device
        </a>
        <a className="button button--small button--ghost" href={googleSubscribeUrl} target="_blank" rel="noopener noreferrer">
          Add to Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        <a className="button button--small button--ghost" href={outlookSubscribeUrl} target="_blank" rel="noopener noreferrer">
          Add to Outlook.com<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </div>
    </div>
  );
}
