import { describe, expect, it } from "vitest";
import { isPersonalPage, isPublicPage, publicPageVariant } from "./public-page";

describe("public pages", () => {
  it("are the catalogue, event, agenda and roadshow pages — nothing signed-in, nothing that writes", () => {
    for (const path of [
      "/",
      "/events",
      "/events/smart-city-expo",
      "/events/smart-city-expo/agenda",
      "/roadshows/nordic-tour",
      "/organisations",
      "/organisations/lyon",
    ])
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
      "/organisations/lyon/edit",
      "/organisations/lyon/members",
      "/people",
    ])
      expect(isPublicPage(path), path).toBe(false);
  });

  it("are kept per signed-in person only where every personal part is announced: not roadshows, not organisation pages", () => {
    for (const path of ["/", "/events", "/events/smart-city-expo", "/events/smart-city-expo/agenda", "/organisations"])
      expect(isPersonalPage(path), path).toBe(true);
    for (const path of ["/roadshows/nordic-tour", "/organisations/lyon", "/events/x.data", "/my/agenda", "/events/x/register"])
      expect(isPersonalPage(path), path).toBe(false);
  });

  it("are keyed by path, query and language, never by cookies", () => {
    const request = (url: string, cookie = "") => ({ url, headers: new Headers({ cookie }) });
    expect(publicPageVariant(request("https://e.eu/events?kind=WEBINAR"))).toBe("en /events?kind=WEBINAR");
    expect(publicPageVariant(request("https://e.eu/events", "scale_csrf=abc"))).toBe(publicPageVariant(request("https://e.eu/events", "scale_csrf=xyz")));
    expect(publicPageVariant(request("https://e.eu/events"))).not.toBe(publicPageVariant(request("https://e.eu/events?q=x")));
  });

  it("are kept apart by language: the switcher's cookie, then Accept-Language; garbage is English", () => {
    const request = (cookie: string, acceptLanguage = "") => ({
      url: "https://e.eu/events",
      headers: new Headers({ cookie, "accept-language": acceptLanguage }),
    });
    expect(publicPageVariant(request("lang=fr; scale_csrf=abc"))).toBe("fr /events");
    expect(publicPageVariant(request("", "de-DE,de;q=0.9,en;q=0.5"))).toBe("de /events");
    expect(publicPageVariant(request("lang=es", "de-DE"))).toBe("es /events");
    expect(publicPageVariant(request("lang=<script>", "xx-YY;q=banana"))).toBe("en /events");
    expect(publicPageVariant({ url: "https://e.eu/events?lang=pl", headers: new Headers() })).toBe("pl /events?lang=pl");
  });
});
