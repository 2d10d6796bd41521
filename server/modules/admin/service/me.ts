// The signed-in person (or API key) as the web app sees it, and their own settings.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { Auth } from "../../../platform/http";
import type { Locale, MeView, UpdateMeInput } from "../contract";
import { apiKeys, membershipDepartments, memberships, organizations, users } from "../schema";
import { getOrganization, toOrganizationView } from "./organizations";

export async function getMe(db: Db, auth: Auth): Promise<MeView> {
	const organization = toOrganizationView(await getOrganization(db, auth.organizationId));
	if (!auth.userId) {
		const [key] = await db
			.select()
			.from(apiKeys)
			.where(eq(apiKeys.id, auth.apiKeyId ?? ""));
		if (!key) throw notFound("API key");
		return {
			user: null,
			apiKey: { id: key.id, name: key.name },
			organization,
			role: auth.role,
			departmentIds: [],
			organizations: [{ id: organization.id, name: organization.name, role: auth.role }],
		};
	}
	const [user] = await db.select().from(users).where(eq(users.id, auth.userId));
	if (!user) throw notFound("User");
	const all = await db
		.select({ id: organizations.id, name: organizations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organizations, eq(organizations.id, memberships.organizationId))
		.where(eq(memberships.userId, user.id))
		.orderBy(organizations.name);
	const departmentRows = await db
		.select({ id: membershipDepartments.departmentId })
		.from(membershipDepartments)
		.innerJoin(memberships, eq(memberships.id, membershipDepartments.membershipId))
		.where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, auth.organizationId)));
	return {
		user: { id: user.id, email: user.email, name: user.name, locale: user.locale as Locale },
		apiKey: null,
		organization,
		role: auth.role,
		departmentIds: departmentRows.map((d) => d.id),
		organizations: all,
	};
}

export async function updateMe(db: Db, auth: Auth, input: UpdateMeInput): Promise<MeView> {
	if (!auth.userId) throw notFound("User");
	await db.update(users).set(input).where(eq(users.id, auth.userId));
	return getMe(db, auth);
}
