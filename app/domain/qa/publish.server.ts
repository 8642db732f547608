// Committed Q&A changes are published here; server/realtime/qa.ts relays them to sockets. A
// client that missed one catches up from its cursor.
import { processBus } from "~/platform/bus.server";
import type { QaChange } from "./questions";

const bus = processBus<QaChange>("qa");

export const onQaChange = bus.subscribe;
export const publishQaChange = bus.publish;
