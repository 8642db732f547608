// /organise/events/:slug/rooms — the event's topic rooms for matchmaking: add, rename or
// re-describe, and delete a room nobody has used yet (rooms with messages keep their history).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { Notice } from "~/components/registration/status";
import { bindFields, ChoiceGroup, CsrfField, FormError, TextAreaField, TextField } from "~/components/ui/forms";
import { THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";
import { ROOM_NAME_MAX, ROOM_TOPIC_MAX, roomFormSchema } from "~/domain/rooms/organiser-input";
import { createRoom, deleteRoom, listEventRooms, updateRoom } from "~/domain/rooms/organiser.server";
import { domainFailure, formFailure, readForm, zodFieldErrors } from "~/web/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  return { slug: event.slug, rooms: await listEventRooms(event.id) };
}

const actionSchema = z
  .object({
    intent: z.enum(["create", "update", "delete"], { error: "Unknown action." }),
    // Not checked as a uuid here: a malformed id is a room that does not exist (404), not bad input.
    roomId: z.string().max(100).optional(),
  })
  .passthrough();

const DONE = { create: "created", update: "saved", delete: "deleted" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  let values: Record<string, string> = {};
  try {
    const form = await readForm(request, actionSchema);
    if (!form.ok) return formFailure({ ...form, formError: "That action is not available. Reload the page and try again." });
    const { intent, roomId = "" } = form.data;
    values = {
      name: String(form.form.get("name") ?? ""),
      topic: String(form.form.get("topic") ?? ""),
      themes: form.form.getAll("themes").map(String).join(","),
      target: intent === "create" ? "new" : roomId,
    };
    if (intent === "delete") {
      await deleteRoom(event.id, roomId);
    } else {
      const parsed = roomFormSchema.safeParse(form.data);
      if (!parsed.success) return formFailure({ ok: false, fieldErrors: zodFieldErrors(parsed.error), values });
      if (intent === "create") await createRoom(event.id, parsed.data);
      else await updateRoom(event.id, roomId, parsed.data);
    }
    return redirect(`/organise/events/${event.slug}/rooms?${DONE[intent]}=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

interface RoomValues {
  name?: string;
  topic?: string | null;
  themes?: string[];
}

function RoomFields({ prefix, values, errors }: { prefix: string; values: RoomValues; errors: Record<string, string> }) {
  const fields = bindFields(roomFormSchema, { errors, values: { name: values.name, topic: values.topic ?? "", themes: values.themes ?? [] } });
  return (
    <>
      <TextField
        label="Name"
        {...fields.name}
        maxLength={ROOM_NAME_MAX}
        required
        hint={prefix === "new" ? "e.g. Mobility replication, Investors × fellow cities" : undefined}
      />
      <TextAreaField
        label={
          <>
            Topic <span className="field__hint">(optional — what people talk about here)</span>
          </>
        }
        id={`${prefix}-topic`}
        {...fields.topic}
        rows={2}
        maxLength={ROOM_TOPIC_MAX}
      />
      <ChoiceGroup
        legend={
          <>
            Themes <span className="field__hint">(optional)</span>
          </>
        }
        layout="list"
        {...fields.themes}
        options={THEMES.map((theme) => [theme, THEME_LABELS[theme]])}
      />
    </>
  );
}

export default function Rooms() {
  const { slug, rooms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const failed = result && !result.ok ? result : null;
  const target = failed?.values.target;
  const errorsFor = (id: string) => (target === id ? (failed?.fieldErrors ?? {}) : {});
  const valuesFor = (id: string): RoomValues | null =>
    target === id && failed
      ? { name: failed.values.name, topic: failed.values.topic, themes: failed.values.themes ? failed.values.themes.split(",") : [] }
      : null;
  return (
    <div className="two-col">
      <section className="stack" aria-labelledby="rooms-title">
        <h2 id="rooms-title">Topic rooms</h2>
        <p className="tz-note">
          Registered participants meet here for live chat, “Let’s meet” and speed networking.{" "}
          <Link to={`/events/${slug}/rooms`}>See the rooms as attendees do</Link>.
        </p>
        {params.get("created") ? <Notice tone="success">Room created.</Notice> : null}
        {params.get("saved") ? <Notice tone="success">Room saved.</Notice> : null}
        {params.get("deleted") ? <Notice tone="success">Room deleted.</Notice> : null}
        {target && target !== "new" ? <FormError message={failed?.formError} /> : null}
        {rooms.length === 0 ? (
          <div className="empty-state">
            <h3>No rooms yet</h3>
            <p>Open the first topic room with the form, e.g. “Mobility replication”.</p>
          </div>
        ) : (
          <ul className="reg-admin-list">
            {rooms.map((room) => {
              const used = room.messageCount > 0 || room.roundCount > 0;
              return (
                <li key={room.id} className="card">
                  <details open={target === room.id}>
                    <summary>
                      <strong>{room.name}</strong>{" "}
                      <span className="tz-note">
                        · {room.messageCount} {room.messageCount === 1 ? "message" : "messages"}
                        {room.roundCount ? ` · ${room.roundCount} networking ${room.roundCount === 1 ? "round" : "rounds"}` : ""}
                        {room.themes.length ? ` · ${room.themes.map((t) => THEME_LABELS[t as keyof typeof THEME_LABELS] ?? t).join(", ")}` : ""}
                      </span>
                      {room.topic ? (
                        <span className="tz-note">
                          <br />
                          {room.topic}
                        </span>
                      ) : null}
                    </summary>
                    <Form method="post" noValidate className="reg-decide__form">
                      <CsrfField />
                      <input type="hidden" name="roomId" value={room.id} />
                      <RoomFields
                        prefix={room.id}
                        values={valuesFor(room.id) ?? { name: room.name, topic: room.topic, themes: room.themes }}
                        errors={errorsFor(room.id)}
                      />
                      <div className="reg-actions">
                        <button type="submit" name="intent" value="update" className="button button--small" disabled={busy}>
                          Save
                        </button>
                        {used ? null : (
                          <button
                            type="submit"
                            name="intent"
                            value="delete"
                            className="button button--small reg-danger"
                            disabled={busy}
                            aria-label={`Delete “${room.name}”`}
                          >
                            Delete
                          </button>
                        )}
                        <Link className="button button--small button--ghost" to={`/events/${slug}/rooms/${room.id}`}>
                          Open room
                        </Link>
                      </div>
                      {used ? <p className="tz-note">This room has been used, so it stays to keep its chat history; rename it if its topic changes.</p> : null}
                    </Form>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="new-room">
        <h2 id="new-room">New room</h2>
        {target === "new" || (failed && !target) ? <FormError message={failed?.formError} /> : null}
        <Form method="post" noValidate key={params.get("created") ? rooms.length : "form"}>
          <CsrfField />
          <RoomFields prefix="new" values={valuesFor("new") ?? {}} errors={errorsFor("new")} />
          <button type="submit" name="intent" value="create" className="button" disabled={busy}>
            {busy ? "Saving…" : "Create room"}
          </button>
        </Form>
      </section>
    </div>
  );
}
