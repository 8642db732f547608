// One matchmaking room: server-rendered chat and the latest networking round, then live
// presence, chat, "let's meet" and speed networking over Socket.IO. The action is the
// no-JavaScript path for chat.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoomLive } from "~/components/rooms/room-live";
import { THEME_LABELS } from "~/domain/kernel/vocabulary";
import { roomMessageForm } from "~/domain/rooms/room-forms";
import { roundSeenBy } from "~/domain/rooms/rooms";
import { findRoom, latestRound, postMessage, recentMessages } from "~/domain/rooms/rooms.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";
import { domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.room.name} — ${data.room.event.title} — SCALE Events` }] : [{ title: "Room not found — SCALE Events" }];

export const headers: HeadersFunction = forwardActionHeaders;

async function load(roomId: string, slug: string, user: Awaited<ReturnType<typeof requireUser>>) {
  const found = await orErrorResponse(findRoom(roomId, user));
  if (found.room.event.slug !== slug) throw new Response("This room does not exist.", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { room, access } = await load(params.roomId ?? "", params.slug ?? "", user);
  if (!access.participant) throw new Response("This room is open to participants with a confirmed registration for the event.", { status: 403 });
  const [messages, round] = await Promise.all([recentMessages(room.id, user.id), latestRound(room.id)]);
  return { room, me: user.id, canModerate: access.moderator, messages, round: roundSeenBy(round, user.id, access.moderator) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, roomMessageForm);
  if (!form.ok) return formFailure(form);
  await load(params.roomId ?? "", params.slug ?? "", user);
  try {
    await postMessage(user, { roomId: params.roomId ?? "", body: form.data.body });
    return json({ ok: true as const, notice: "Message sent." });
  } catch (error) {
    return domainFailure(error, { body: form.data.body });
  }
}

export default function RoomPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { room } = data;
  return (
    <article className="room-page">
      <p>
        <Link to={`/events/${room.event.slug}/rooms`}>← Rooms of {room.event.title}</Link>
      </p>
      <header className="room-page__header">
        <h1>{room.name}</h1>
        {room.topic ? <p>{room.topic}</p> : null}
        <div className="badges">
          {room.themes.map((t) => (
            <span key={t} className="badge badge--theme">
              {THEME_LABELS[t] ?? t}
            </span>
          ))}
        </div>
      </header>
      <RoomLive
        roomId={room.id}
        me={data.me}
        timeZone={room.event.timeZone}
        canModerate={data.canModerate}
        initialMessages={data.messages}
        initialRound={data.round}
        actionResult={actionData ?? null}
      />
    </article>
  );
}
