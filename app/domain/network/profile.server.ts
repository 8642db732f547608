// My profile (/account/profile): what a person tells the network about themselves, their photo,
// and their two explicit choices — to be listed in the people directory and to be open to
// introductions, both off until they tick them. Being listed needs a confirmed email address.
// The name, job title and time zone stay on User; the rest lives in PersonProfile.
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { DomainError, isDomainError } from "~/domain/kernel/errors";
import { db, type Tx } from "~/platform/db.server";
import { processImage, storeImage } from "./images.server";
import type { ProfileInput } from "./network-forms";

export const PROFILE_DEFAULTS = {
  bio: null,
  country: null,
  city: null,
  languages: [],
  themes: [],
  intents: [],
  expertise: [],
  organisationId: null,
  organisationName: null,
  photoId: null,
  listed: false,
  openToIntroductions: false,
} as const;

/** The profile form's data: the stored profile (or the defaults) and the organisations one may link. */
export async function loadMyProfile(userId: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      jobTitle: true,
      timeZone: true,
      emailVerifiedAt: true,
      profile: {
        select: {
          bio: true,
          country: true,
          city: true,
          languages: true,
          themes: true,
          intents: true,
          expertise: true,
          organisationId: true,
          organisationName: true,
          photoId: true,
          listed: true,
          openToIntroductions: true,
        },
      },
      memberships: { select: { organisation: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const { profile, memberships, emailVerifiedAt, ...account } = user;
  return {
    ...account,
    emailVerified: emailVerifiedAt !== null,
    profile: profile ?? PROFILE_DEFAULTS,
    organisations: memberships.map((m) => m.organisation),
  };
}

async function requireListable(tx: Tx, userId: string) {
  try {
    await requireVerifiedEmail(tx, userId, "appear in the people directory");
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new DomainError("VALIDATION", error.message, { fieldErrors: { listed: error.message } });
  }
}

/** Saves the profile form. A linked organisation must be one the person is a member of. */
export async function saveProfile(userId: string, input: ProfileInput): Promise<void> {
  await db().$transaction(async (tx) => {
    if (input.organisationId) {
      const member = await tx.membership.count({ where: { userId, organisationId: input.organisationId } });
      if (member === 0) {
        const message = "Choose one of your organisations, or type its name.";
        throw new DomainError("VALIDATION", message, { fieldErrors: { organisationId: message } });
      }
    }
    if (input.listed) await requireListable(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { name: input.name, jobTitle: input.jobTitle, timeZone: input.timeZone } });
    const data = {
      bio: input.bio,
      country: input.country,
      city: input.city,
      languages: input.languages,
      themes: input.themes,
      intents: input.intents,
      expertise: input.expertise,
      organisationId: input.organisationId,
      organisationName: input.organisationId ? null : input.organisationName,
      listed: input.listed,
      openToIntroductions: input.openToIntroductions,
    };
    await tx.personProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  });
}

/**
 * Re-encodes and stores a new photo; the previous one is deleted in the same transaction. The
 * profile row is locked first, so two uploads at once replace each other in turn and leave exactly
 * one photo (never an orphaned image, never a failed delete).
 */
export async function setProfilePhoto(userId: string, upload: Uint8Array): Promise<string> {
  const image = await processImage(upload, "photo");
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "PersonProfile" ("userId", "updatedAt") VALUES (${userId}::uuid, now()) ON CONFLICT ("userId") DO NOTHING`;
    const [previous] = await tx.$queryRaw<{ photoId: string | null }[]>`SELECT "photoId" FROM "PersonProfile" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
    const photoId = await storeImage(tx, image);
    await tx.personProfile.update({ where: { userId }, data: { photoId } });
    if (previous?.photoId) await tx.storedImage.deleteMany({ where: { id: previous.photoId } });
    return photoId;
  });
}

export async function removeProfilePhoto(userId: string, client: Tx | ReturnType<typeof db> = db()): Promise<void> {
  const profile = await client.personProfile.findUnique({ where: { userId }, select: { photoId: true } });
  if (profile?.photoId) await client.storedImage.deleteMany({ where: { id: profile.photoId } });
}

// ───────────────────────────── GDPR ─────────────────────────────

/** The directory profile for the person's data export (the photo as its address and size). */
export async function exportDirectoryProfile(userId: string) {
  const profile = await db().personProfile.findUnique({
    where: { userId },
    select: {
      bio: true,
      country: true,
      city: true,
      languages: true,
      themes: true,
      intents: true,
      expertise: true,
      organisationName: true,
      organisation: { select: { name: true } },
      listed: true,
      openToIntroductions: true,
      createdAt: true,
      updatedAt: true,
      photo: { select: { id: true, contentType: true, width: true, height: true, createdAt: true } },
    },
  });
  if (!profile) return null;
  const { organisation, organisationName, photo, ...rest } = profile;
  return {
    ...rest,
    organisation: organisation?.name ?? organisationName,
    photo: photo ? { url: `/images/${photo.id}`, contentType: photo.contentType, width: photo.width, height: photo.height, uploadedAt: photo.createdAt } : null,
  };
}

/** Erasure: the profile and its photo are deleted (inside the erasure's transaction). */
export async function eraseDirectoryProfile(tx: Tx, userId: string): Promise<void> {
  await removeProfilePhoto(userId, tx);
  await tx.personProfile.deleteMany({ where: { userId } });
}
