// The privacy notice's version: sign-up records which one the person accepted. Change it when
// /privacy changes in substance (what is kept, why or for how long).
export const PRIVACY_VERSION = "2026-12-06";
