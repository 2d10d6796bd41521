// Roles and what each may do. A permission names the least role that holds it.
import type { Role } from "../../../lib/api/roles";
import { forbidden } from "../errors";

export type { Role };

const RANK: Record<Role, number> = { owner: 5, admin: 4, analyst: 3, agent: 2, viewer: 1 };

const LEAST_ROLE = {
	read: "viewer",
	"journey.write": "admin",
	"organization.write": "admin",
	"members.manage": "admin",
	"apiKeys.manage": "admin",
	"organization.transfer": "owner",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof LEAST_ROLE;

export const isRoleAtLeast = (role: Role, least: Role) => RANK[role] >= RANK[least];

export function hasPermission(role: Role, permission: Permission): boolean {
	return isRoleAtLeast(role, LEAST_ROLE[permission]);
}

export function assertPermission(role: Role | undefined, permission: Permission): void {
	if (!role || !hasPermission(role, permission)) throw forbidden();
}
