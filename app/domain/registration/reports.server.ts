// What organisers read about registrations: the filtered list, the CSV export (with every
// answer) and the dashboard's figures. All scoped by event id.
import type { Prisma } from "~/generated/prisma/client";
import type { RegistrationStatus } from "~/generated/prisma/enums";
import { pageOf } from "~/domain/kernel/paging";
import { formatLocalDateTimeInput } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { countsByHour, cumulativeByDay, fillRate, type SeriesPoint } from "./charts";
import { answerCell, toCsv } from "./csv";

export { REGISTRATION_STATUSES } from "./statuses";
import { REGISTRATIONS_PAGE_SIZE } from "./statuses";

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  PENDING_APPROVAL: "Awaiting approval",
  PENDING_PAYMENT: "Awaiting payment",
  CONFIRMED: "Confirmed",
  WAITLISTED: "Waiting list",
  OFFERED: "Offered a seat",
  CANCELLED: "Cancelled",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
};

export const PAYMENT_LABELS: Record<string, string> = {
  NONE: "—",
  PENDING: "Payment pending",
  PAID: "Paid",
  UNPAID_INVOICE: "Invoice unpaid",
  REFUNDED: "Refunded",
  FAILED: "Payment failed",
};

export interface RegistrationFilters {
  status?: RegistrationStatus | null;
  ticketTypeId?: string | null;
  q?: string | null;
}

function whereFor(eventId: string, filters: RegistrationFilters): Prisma.RegistrationWhereInput {
  const where: Prisma.RegistrationWhereInput = { eventId };
  if (filters.status) where.status = filters.status;
  if (filters.ticketTypeId) where.ticketTypeId = filters.ticketTypeId;
  const q = filters.q?.trim();
  if (q) {
    where.user = { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }] };
  }
  return where;
}

/** One page of the filtered list, newest first, with the counts per status for the whole event. */
export async function listRegistrations(eventId: string, filters: RegistrationFilters, page?: number) {
  const where = whereFor(eventId, filters);
  const total = await db().registration.count({ where });
  const { skip, take, ...paging } = pageOf(page, total, REGISTRATIONS_PAGE_SIZE);
  const [rows, counts] = await Promise.all([
    db().registration.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip,
      take,
      select: {
        id: true,
        status: true,
        paymentStatus: true,
        paymentMethod: true,
        ticketCode: true,
        createdAt: true,
        checkedInAt: true,
        decisionNote: true,
        offerExpiresAt: true,
        holdExpiresAt: true,
        cancelledAt: true,
        user: { select: { name: true, email: true } },
        ticketType: { select: { id: true, name: true, priceCents: true, currency: true } },
      },
    }),
    db().registration.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<RegistrationStatus, number>>;
  return { rows, paging, byStatus };
}

/** All registrations with their answers, one row each; questions become columns. */
export async function registrationsCsv(event: { id: string; timeZone: string }): Promise<string> {
  const [questions, registrations] = await Promise.all([
    db().registrationQuestion.findMany({
      where: { eventId: event.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, label: true },
    }),
    db().registration.findMany({
      where: { eventId: event.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        ticketCode: true,
        status: true,
        paymentStatus: true,
        createdAt: true,
        checkedInAt: true,
        user: { select: { name: true, email: true } },
        ticketType: { select: { name: true } },
        answers: { select: { questionId: true, value: true } },
      },
    }),
  ]);
  const local = (d: Date | null) => (d ? formatLocalDateTimeInput(d, event.timeZone).replace("T", " ") : "");
  const header = [
    "Ticket code",
    "Name",
    "Email",
    "Ticket type",
    "Status",
    "Payment",
    `Registered at (${event.timeZone})`,
    `Checked in at (${event.timeZone})`,
    ...questions.map((q) => q.label),
  ];
  const rows = registrations.map((r) => {
    const answers = new Map(r.answers.map((a) => [a.questionId, a.value]));
    return [
      r.ticketCode,
      r.user.name,
      r.user.email,
      r.ticketType.name,
      STATUS_LABELS[r.status],
      PAYMENT_LABELS[r.paymentStatus] ?? r.paymentStatus,
      local(r.createdAt),
      local(r.checkedInAt),
      ...questions.map((q) => answerCell(answers.get(q.id))),
    ];
  });
  return toCsv(header, rows);
}

export interface Dashboard {
  totals: { active: number; confirmed: number; pending: number; waitlisted: number; cancelled: number; checkedIn: number };
  registrationsOverTime: SeriesPoint[];
  checkInsOverTime: SeriesPoint[];
  fill: { id: string; name: string; taken: number; capacity: number | null; rate: number | null; waitlisted: number }[];
}

export async function dashboard(event: { id: string; timeZone: string }, now: Date = new Date()): Promise<Dashboard> {
  const [rows, ticketTypes, waiting] = await Promise.all([
    db().registration.findMany({ where: { eventId: event.id }, select: { status: true, createdAt: true, checkedInAt: true } }),
    db().ticketType.findMany({
      where: { eventId: event.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, taken: true, capacity: true },
    }),
    db().registration.groupBy({ by: ["ticketTypeId"], where: { eventId: event.id, status: "WAITLISTED" }, _count: { _all: true } }),
  ]);
  const count = (...statuses: RegistrationStatus[]) => rows.filter((r) => statuses.includes(r.status)).length;
  const checkIns = rows.flatMap((r) => (r.checkedInAt ? [r.checkedInAt] : []));
  const waitingBy = new Map(waiting.map((w) => [w.ticketTypeId, w._count._all]));
  return {
    totals: {
      active: count("CONFIRMED", "PENDING_APPROVAL", "PENDING_PAYMENT", "OFFERED", "WAITLISTED"),
      confirmed: count("CONFIRMED"),
      pending: count("PENDING_APPROVAL", "PENDING_PAYMENT", "OFFERED"),
      waitlisted: count("WAITLISTED"),
      cancelled: count("CANCELLED", "REJECTED", "EXPIRED"),
      checkedIn: checkIns.length,
    },
    // Every registration made (including ones later cancelled): the demand over time.
    registrationsOverTime: cumulativeByDay(
      rows.map((r) => r.createdAt),
      event.timeZone,
      now,
    ),
    checkInsOverTime: countsByHour(checkIns, event.timeZone),
    fill: ticketTypes.map((t) => ({ ...t, rate: fillRate(t.taken, t.capacity), waitlisted: waitingBy.get(t.id) ?? 0 })),
  };
}
