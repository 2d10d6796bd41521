// The roles a member or API key can have, strongest first (shared by server and web).
export const ROLES = ["owner", "admin", "analyst", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];
