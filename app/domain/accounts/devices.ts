// What the security page shows about a session: a device from its User-Agent and an
// approximate place from the client address. No geolocation database ships offline, so the place
// is the kind of network and a coarse prefix — enough to notice "that is not me".

export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\/|Chromium\//.test(ua)
          ? /HeadlessChrome/.test(ua)
            ? "Chrome (headless)"
            : "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : /curl\//i.test(ua)
              ? "curl"
              : /node|undici/i.test(ua)
                ? "a script"
                : "a browser";
  const system = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return system ? `${browser} on ${system}` : browser;
}

export function approximatePlace(ip: string | null | undefined): string {
  if (!ip || ip === "unknown") return "Unknown network";
  const address = ip.replace(/^::ffff:/, "");
  if (address === "127.0.0.1" || address === "::1") return "This computer (local)";
  const v4 = address.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return `Private network (${a}.${b}.x.x)`;
    return `Network ${v4[1]}.${v4[2]}.${v4[3]}.x`;
  }
  if (/^f[cd]/i.test(address)) return "Private network (IPv6)";
  const groups = address.split(":").filter(Boolean).slice(0, 3).join(":");
  return `Network ${groups}::/48`;
}
