// Sections of the organiser's stop page: the scheduler's proposal, the grid of meetings per slot ×
// table, and the confirmed meetings with their no-show forms. Plain props: the shapes below are
// what the stop page's loader and action return (components stay free of server modules).
import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/ui/forms";

export interface ProposalData {
  rows: {
    hostId: string;
    hostName: string;
    guestId: string;
    guestName: string;
    startsAt: string;
    when: string;
    meetingPointId: string;
    table: string;
    weight: number;
  }[];
  score: number;
  upperBound: number;
  percent: number;
  unscheduled: number;
  warnings: string[];
}

export function ProposalView({ proposal }: { proposal: ProposalData }) {
  const payload = JSON.stringify(proposal.rows.map((r) => ({ hostId: r.hostId, guestId: r.guestId, startsAt: r.startsAt, meetingPointId: r.meetingPointId })));
  return (
    <section className="card" aria-labelledby="proposal">
      <h2 id="proposal">Scheduler proposal</h2>
      <p>
        <strong>{proposal.rows.length}</strong> meetings, score <strong>{proposal.score}</strong> of an upper bound of <strong>{proposal.upperBound}</strong> (
        {proposal.percent} %).{" "}
        {proposal.unscheduled > 0 ? `${proposal.unscheduled} mutually wanted pairs could not be placed.` : "Every mutually wanted pair is placed."}
      </p>
      <p className="tz-note">
        Score: 3 per meeting both sides must have, 2 when one side must, 1 when both would like. The bound is the best score possible if times did not matter
        (each person and table limited to its number of free, non-overlapping slots), so no schedule can beat it.
      </p>
      {proposal.warnings.length > 0 ? (
        <ul className="notice notice--info">
          {proposal.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {proposal.rows.length === 0 ? (
        <p className="empty-state">Nothing to schedule: no pair of people has marked each other (must meet / would like) with a common free slot.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Proposed meetings</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Table</th>
                  <th scope="col">Host</th>
                  <th scope="col">Guest</th>
                  <th scope="col">Weight</th>
                </tr>
              </thead>
              <tbody>
                {proposal.rows.map((r) => (
                  <tr key={`${r.hostId}-${r.guestId}`}>
                    <td>{r.when}</td>
                    <td>{r.table}</td>
                    <td>{r.hostName}</td>
                    <td>{r.guestName}</td>
                    <td>{r.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="confirm-schedule" />
            <input type="hidden" name="assignments" value={payload} />
            <button type="submit" className="button">
              Confirm {proposal.rows.length} meetings and send invitations
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

interface GridCell {
  host: string;
  guest: string;
  status: string;
  noShow: boolean;
}

export function MeetingGrid({
  tables,
  rows,
  unplaced,
}: {
  tables: { id: string; name: string }[];
  rows: { key: string; day: string; label: string; cells: (GridCell | null)[] }[];
  unplaced: { when: string; host: string; guest: string }[];
}) {
  return (
    <section className="card" aria-labelledby="grid">
      <h2 id="grid">Meetings by slot and table</h2>
      {tables.length === 0 || rows.length === 0 ? (
        <p className="empty-state">{tables.length === 0 ? "Add tables below to see the grid." : "No slots or meetings at this stop yet."}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table meeting-grid">
            <caption className="visually-hidden">Meetings per time and table</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                {tables.map((t) => (
                  <th key={t.id} scope="col">
                    {t.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <span className="tz-note">{row.day}</span>
                    <br />
                    {row.label}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={tables[i].id} className={cell ? `grid-cell grid-cell--${cell.status.toLowerCase()}` : "grid-cell grid-cell--free"}>
                      {cell ? (
                        <>
                          {cell.host}
                          <br />× {cell.guest}
                          {cell.status === "REQUESTED" ? <div className="tz-note">pending</div> : null}
                          {cell.noShow ? <div className="badge badge--warn">no-show</div> : null}
                        </>
                      ) : (
                        <span className="visually-hidden">free</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unplaced.length > 0 ? <p className="tz-note">Without a table: {unplaced.map((m) => `${m.when} ${m.host} × ${m.guest}`).join("; ")}</p> : null}
    </section>
  );
}

export function ConfirmedMeetings({
  meetings,
}: {
  meetings: { id: string; host: string; guest: string; table: string; when: string; started: boolean; noShow: boolean; source: string }[];
}) {
  return (
    <section className="card" aria-labelledby="noshow">
      <h2 id="noshow">Confirmed meetings and no-shows</h2>
      {meetings.length === 0 ? (
        <p className="empty-state">No confirmed meetings yet.</p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((m) => (
            <li key={m.id} className="meeting-item">
              <div className="meeting-item__head">
                <strong>
                  {m.host} × {m.guest}
                </strong>
                {m.noShow ? <span className="badge badge--warn">No-show</span> : null}
              </div>
              <div className="tz-note">
                {m.when} · {m.table}
                {m.source === "SCHEDULER" ? " · scheduled" : ""}
              </div>
              {m.started ? (
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="no-show" />
                  <input type="hidden" name="meetingId" value={m.id} />
                  <input type="hidden" name="noShow" value={m.noShow ? "no" : "yes"} />
                  <button type="submit" className="button button--small button--ghost">
                    {m.noShow ? "Undo no-show" : "Mark no-show"}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
