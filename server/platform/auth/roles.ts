// Enforcing permissions on the server; the role rules themselves live in lib/api/roles.ts (the web app shares them).
import { hasPermission, type Permission, type Role } from "../../../lib/api/roles";
import { forbidden } from "../errors";

export { hasPermission, isRoleAtLeast, type Permission, type Role } from "../../../lib/api/roles";

export function assertPermission(role: Role | undefined, permission: Permission): void {
	if (!role || !hasPermission(role, permission)) throw forbidden();
}
