// The roles a member or API key can have, strongest first, and what each may do (shared by server and web).
export const ROLES = ["owner", "admin", "analyst", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 5, admin: 4, analyst: 3, agent: 2, viewer: 1 };

/** A permission names the least role that holds it. */
const LEAST_ROLE = {
	read: "viewer",
	"journey.write": "admin",
	"surveys.write": "analyst",
	"responses.export": "analyst",
	"behaviour.write": "analyst",
	"organization.write": "admin",
	"members.manage": "admin",
	"apiKeys.manage": "admin",
	"organization.transfer": "owner",
	"outreach.read": "agent",
	"outreach.write": "analyst",
	"text.correct": "agent",
	"text.manage": "admin",
	/** Agents and up see cases (viewers see closed-loop metrics through `read`). */
	"cases.read": "agent",
	/** Reply, note, assign and change status of cases of one's departments (admins and owners: every case). */
	"cases.work": "agent",
	/** Rules, SLA policies, business calendar, root causes, reply templates. */
	"cases.manage": "admin",
	"analytics.manage": "analyst",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof LEAST_ROLE;

export const isRoleAtLeast = (role: Role, least: Role) => RANK[role] >= RANK[least];

export function hasPermission(role: Role, permission: Permission): boolean {
	return isRoleAtLeast(role, LEAST_ROLE[permission]);
}
