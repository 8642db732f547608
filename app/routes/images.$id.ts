// /images/:id — a stored photo or logo (always re-encoded WebP). Logos are public; a photo is
// served to whoever may see its profile (members, when the person is listed; the person always).
// The bytes of an id never change (a new upload is a new id): long caching and an ETag; the
// server's security headers add X-Content-Type-Options: nosniff to every response.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { maySeeImage } from "~/domain/access/directory.server";
import { loadImage } from "~/domain/network/images.server";
import { getUser } from "~/web/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const image = await loadImage(params.id ?? "");
  const viewer = image?.person ? await getUser(request) : null;
  if (!image || !maySeeImage(viewer, image)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const etag = `"${image.sha256}"`;
  const headers = {
    "Content-Type": image.contentType,
    ETag: etag,
    // Photos depend on who asks: never kept by shared caches.
    "Cache-Control": `${image.person ? "private" : "public"}, max-age=31536000, immutable`,
    "Content-Disposition": "inline",
  };
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.bytes), { status: 200, headers: { ...headers, "Content-Length": String(image.bytes.byteLength) } });
}
