// Words the community pages share (browser-safe: no server code).
import { en as community } from "~/domain/kernel/i18n/resources/groups/community/en";
// The admin pages stay in English: they read the English messages (the one copy of these words).
export const REQUEST_STATUS_TEXT: Record<string, string> = community.requestStatus;
export const INTRODUCTION_STATUS_TEXT: Record<string, string> = community.introductionStatus;
export const ROLE_TEXT: Record<string, string> = community.platformRoles;

export const day = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10);

// The message keys of the words above, for the pages that speak the visitor's language (admin
// pages keep the English maps). Unknown values fall back to a neutral key.
export type RequestStatusName = "PENDING" | "APPROVED" | "REFUSED" | "WITHDRAWN" | "EXPIRED";
export type IntroductionStatusName = "PENDING" | "ACCEPTED" | "DECLINED";
export type PlatformRoleName = "ATTENDEE" | "ORGANISER" | "INVESTOR" | "REPRESENTATIVE" | "EXPERT" | "ADMIN";
export const requestStatusKey = (status: string) =>
  `community.requestStatus.${(status in REQUEST_STATUS_TEXT ? status : "PENDING") as RequestStatusName}` as const;
export const introductionStatusKey = (status: string) =>
  `community.introductionStatus.${(status in INTRODUCTION_STATUS_TEXT ? status : "PENDING") as IntroductionStatusName}` as const;
export const platformRoleKey = (role: string) => `community.platformRoles.${(role in ROLE_TEXT ? role : "ATTENDEE") as PlatformRoleName}` as const;
