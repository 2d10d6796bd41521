// Organizations: sign-up of a new one with its owner, reading and changing its settings.
import { eq } from "drizzle-orm";
import { hashPassword } from "../../../platform/auth/password";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { conflict, notFound } from "../../../platform/errors";
import type { OrganizationView, SignUpInput, UpdateOrganizationInput } from "../contract";
import { memberships, organizations, users } from "../schema";
import { recordAudit } from "./audit";

type OrganizationRow = typeof organizations.$inferSelect;

export const toOrganizationView = (row: OrganizationRow): OrganizationView => ({
	id: row.id,
	name: row.name,
	slug: row.slug,
	defaultLanguage: row.defaultLanguage === "en" ? "en" : "de",
	timezone: row.timezone,
});

export function slugify(name: string): string {
	const slug = name
		.normalize("NFKD")
		.replace(/ß/g, "ss")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 48);
	return slug || "org";
}

async function freeSlug(db: Db, name: string): Promise<string> {
	const base = slugify(name);
	for (let n = 1; n < 1000; n++) {
		const candidate = n === 1 ? base : `${base}-${n}`;
		const [taken] = await db
			.select({ id: organizations.id })
			.from(organizations)
			.where(eq(organizations.slug, candidate));
		if (!taken) return candidate;
	}
	throw conflict("No free slug for this organization name");
}

/** Creates an organization, its owner and the owner's membership in one transaction. */
export async function signUpOrganization(db: Db, input: SignUpInput) {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
		if (existing) throw conflict("An account with this email already exists: sign in instead");
		const [organization] = await tx
			.insert(organizations)
			.values({
				name: input.organizationName,
				slug: await freeSlug(tx, input.organizationName),
				defaultLanguage: input.locale,
			})
			.returning();
		const [user] = await tx
			.insert(users)
			.values({ email: input.email, name: input.name, passwordHash, locale: input.locale })
			.returning();
		if (!organization || !user) throw new Error("sign-up rows not written");
		await tx.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: "owner" });
		await recordAudit(
			tx,
			{ organizationId: organization.id, actor: { type: "user", userId: user.id, role: "owner" } },
			"organization.created",
			{ type: "organization", id: organization.id },
		);
		return { organization, user };
	});
}

export async function getOrganization(db: Db, organizationId: string): Promise<OrganizationRow> {
	const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
	if (!row) throw notFound("Organization");
	return row;
}

export async function updateOrganization(ctx: Ctx, input: UpdateOrganizationInput): Promise<OrganizationView> {
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx.update(organizations).set(input).where(eq(organizations.id, ctx.organizationId)).returning();
		if (!row) throw notFound("Organization");
		await recordAudit(tx, ctx, "organization.updated", { type: "organization", id: row.id }, input);
		return toOrganizationView(row);
	});
}
