import { describe, expect, it } from "vitest";
import { isPublicPage, publicPageVariant } from "./public-page";

describe("public pages", () => {
  it("are the catalogue, event, agenda and roadshow pages — nothing signed-in, nothing that writes", () => {
    for (const path of ["/", "/events", "/events/smart-city-expo", "/events/smart-city-expo/agenda", "/roadshows/nordic-tour"])
      expect(isPublicPage(path), path).toBe(true);
    for (const path of [
      "/events/x/register",
      "/account",
      "/my/agenda",
      "/organise",
      "/roadshows/x/stops/y/host",
      "/signin",
      "/events/x/feed.ics",
      "/events/x.data",
    ])
      expect(isPublicPage(path), path).toBe(false);
  });

  it("are keyed by path, query and language, never by cookies", () => {
    const request = (url: string, cookie = "") => ({ url, headers: new Headers({ cookie }) });
    expect(publicPageVariant(request("https://e.eu/events?kind=WEBINAR"))).toBe("en /events?kind=WEBINAR");
    expect(publicPageVariant(request("https://e.eu/events", "scale_csrf=abc"))).toBe(publicPageVariant(request("https://e.eu/events", "scale_csrf=xyz")));
    expect(publicPageVariant(request("https://e.eu/events"))).not.toBe(publicPageVariant(request("https://e.eu/events?q=x")));
  });
});
