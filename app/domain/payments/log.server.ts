// The payments and outbox log: structured, to stdout with the server's level. Money movements
// and rejected webhooks must leave a trace an operator can search.
import pino from "pino";

export const paymentsLog = pino({ level: process.env.LOG_LEVEL ?? "info", base: { component: "payments" } });
export const outboxLog = pino({ level: process.env.LOG_LEVEL ?? "info", base: { component: "outbox" } });
