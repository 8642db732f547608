// A person's platform roles changed (a request approved, an admin's edit): the realtime layer
// re-reads the user of every socket that person has open, on every node, so an approved role
// takes effect on open sockets at once. Pages need nothing: each request reads the roles afresh.
import { sessionUserSelect, toSessionUser, type SessionUser } from "~/domain/accounts/sessions.server";
import { processBus } from "~/platform/bus.server";
import { db } from "~/platform/db.server";

const rolesChanged = processBus<string>("user-roles-changed");

export const onUserRolesChanged = rolesChanged.subscribe;

/** Call after the change committed (the bus never throws). */
export function publishUserRolesChanged(userId: string): void {
  rolesChanged.publish(userId);
}

/** The person as a socket should now see them; null when suspended or erased. */
export async function currentSessionUser(userId: string): Promise<SessionUser | null> {
  const row = await db().user.findFirst({ where: { id: userId, deletedAt: null, suspendedAt: null }, select: sessionUserSelect });
  return row ? toSessionUser(row) : null;
}
