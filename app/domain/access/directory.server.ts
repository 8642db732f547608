// The people and organisation directories (app/domain/network): who may see a person's profile
// and photo, and who may edit an organisation's page. A profile is seen by signed-in members only
// when its owner chose to be listed (the owner always sees their own); an unlisted profile is
// NOT_FOUND, so its existence is not revealed. An organisation's page is edited by its admins
// (Membership role ADMIN) and platform admins.
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";
import { isAdmin, type Actor } from "./permissions";

/** Whether `actor` may see the profile of `person` (listed or not). */
export function maySeeProfile(actor: Pick<Actor, "id"> | null, person: { userId: string; listed: boolean }): boolean {
  if (!actor) return false;
  return actor.id === person.userId || person.listed;
}

/** Whether `actor` may see a stored image: logos are public, photos follow the profile. */
export function maySeeImage(
  actor: Pick<Actor, "id"> | null,
  image: { person: { userId: string; listed: boolean } | null; organisation: { id: string } | null },
): boolean {
  if (image.organisation) return true;
  return image.person !== null && maySeeProfile(actor, image.person);
}

/** Whether `actor` may edit the organisation's page. */
export async function mayEditOrganisation(actor: Actor | null, organisationId: string, client: Tx | Db = db()): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  return (await client.membership.count({ where: { organisationId, userId: actor.id, role: "ADMIN" } })) > 0;
}

/** The organisation's id, when `actor` may edit it; NOT_FOUND when it does not exist, FORBIDDEN otherwise. */
export async function requireOrganisationEditor(actor: Actor, slug: string, client: Tx | Db = db()): Promise<{ id: string }> {
  const organisation = await client.organisation.findUnique({ where: { slug }, select: { id: true } });
  if (!organisation) throw new DomainError("NOT_FOUND", "This organisation does not exist.");
  if (!(await mayEditOrganisation(actor, organisation.id, client))) {
    throw new DomainError("FORBIDDEN", "Only this organisation's admins can edit its page.");
  }
  return organisation;
}
