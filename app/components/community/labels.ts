// Words the community pages share (browser-safe: no server code).
export const REQUEST_STATUS_TEXT: Record<string, string> = {
  PENDING: "Waiting for a decision",
  APPROVED: "Approved",
  REFUSED: "Not approved",
  WITHDRAWN: "Withdrawn",
  EXPIRED: "Expired",
};

export const INTRODUCTION_STATUS_TEXT: Record<string, string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  DECLINED: "Not taken up",
};

export const ROLE_TEXT: Record<string, string> = {
  ATTENDEE: "Attendee",
  ORGANISER: "Organiser",
  INVESTOR: "Investor",
  REPRESENTATIVE: "City or project representative",
  EXPERT: "Expert",
  ADMIN: "Administrator",
};

export const day = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10);
