// Invitations: an admin invites a person by email; the link (a single-use secret) lets them join.
import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { hashPassword, verifyPassword } from "../../../platform/auth/password";
import { hashSecret, newSecret } from "../../../platform/auth/tokens";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { AppError, conflict, forbidden, notFound } from "../../../platform/errors";
import { queueEmail } from "../../../platform/mail/mailer";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { AcceptInvitationInput, CreateInvitationInput, InvitationView } from "../contract";
import { departments, invitations, membershipDepartments, memberships, organizations, users } from "../schema";
import { recordAudit } from "./audit";
import { assertDepartmentsInOrg } from "./departments";
import { createSession } from "./sessions";

const INVITATION_DAYS = 14;
type InvitationRow = typeof invitations.$inferSelect;

function statusOf(row: InvitationRow, now: Date): InvitationView["status"] {
	if (row.acceptedAt) return "accepted";
	if (row.revokedAt) return "revoked";
	return row.expiresAt <= now ? "expired" : "pending";
}

const toView = (row: InvitationRow, now: Date): InvitationView => ({
	id: row.id,
	email: row.email,
	role: row.role,
	departmentIds: row.departmentIds,
	status: statusOf(row, now),
	expiresAt: row.expiresAt.toISOString(),
	createdAt: row.createdAt.toISOString(),
});

const MESSAGES = {
	de: (org: string, url: string) => ({
		subject: `Einladung zu ${org} in Loupe`,
		text: `Hallo,\n\nSie wurden eingeladen, ${org} in Loupe beizutreten.\nÖffnen Sie diesen Link, um Ihr Konto anzulegen (14 Tage gültig):\n\n${url}\n`,
	}),
	en: (org: string, url: string) => ({
		subject: `Invitation to ${org} on Loupe`,
		text: `Hello,\n\nyou have been invited to join ${org} on Loupe.\nOpen this link to set up your account (valid for 14 days):\n\n${url}\n`,
	}),
};

export async function createInvitation(ctx: Ctx, input: CreateInvitationInput, publicUrl: string) {
	const token = newSecret("li");
	const acceptUrl = `${publicUrl}/invitation/${token}`;
	const row = await ctx.db.transaction(async (tx) => {
		await assertDepartmentsInOrg(tx, ctx.organizationId, input.departmentIds);
		const [member] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(eq(memberships.organizationId, ctx.organizationId), eq(users.email, input.email)));
		if (member) throw conflict("This person is already a member");
		const [org] = await tx.select().from(organizations).where(eq(organizations.id, ctx.organizationId));
		const [row] = await tx
			.insert(invitations)
			.values({
				organizationId: ctx.organizationId,
				email: input.email,
				role: input.role,
				departmentIds: [...new Set(input.departmentIds)],
				tokenHash: hashSecret(token),
				invitedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
				expiresAt: new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000),
				createdAt: ctx.now,
			})
			.returning();
		if (!row || !org) throw new Error("invitation not written");
		const message = MESSAGES[input.locale](org.name, acceptUrl);
		await queueEmail(tx, ctx.jobs, { organizationId: ctx.organizationId, to: input.email, ...message });
		await recordAudit(
			tx,
			ctx,
			"invitation.created",
			{ type: "invitation", id: row.id },
			{ email: input.email, role: input.role },
		);
		return row;
	});
	return { ...toView(row, ctx.now), acceptUrl };
}

export async function findInvitations(ctx: Ctx, query: PageQuery): Promise<Page<InvitationView>> {
	const rows = await ctx.db
		.select()
		.from(invitations)
		.where(
			and(
				eq(invitations.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: invitations.createdAt, kind: "time" }, invitations.id, "desc"),
			),
		)
		.orderBy(desc(invitations.createdAt), desc(invitations.id))
		.limit(query.limit + 1);
	return toPage(
		rows,
		query.limit,
		(r) => toView(r, ctx.now),
		(r) => [r.createdAt, r.id],
	);
}

export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(invitations)
			.set({ revokedAt: ctx.now })
			.where(
				and(eq(invitations.organizationId, ctx.organizationId), eq(invitations.id, id), isNull(invitations.acceptedAt)),
			)
			.returning({ id: invitations.id });
		if (!row) throw notFound("Invitation");
		await recordAudit(tx, ctx, "invitation.revoked", { type: "invitation", id });
	});
}

async function getOpenInvitation(db: Db, token: string, now: Date) {
	const [row] = await db
		.select({ invitation: invitations, organizationName: organizations.name })
		.from(invitations)
		.innerJoin(organizations, eq(organizations.id, invitations.organizationId))
		.where(
			and(
				eq(invitations.tokenHash, hashSecret(token)),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now),
			),
		);
	if (!row) throw notFound("Invitation (it may have expired or been used)");
	return row;
}

export async function describeInvitation(db: Db, token: string, now: Date) {
	const { invitation, organizationName } = await getOpenInvitation(db, token, now);
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
	return { organizationName, email: invitation.email, role: invitation.role, hasAccount: !!user };
}

/** Joins the organization: a new account is created, or an existing one proves itself with its password. */
export async function acceptInvitation(db: Db, input: AcceptInvitationInput, now: Date, userAgent?: string) {
	const newHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const { invitation } = await getOpenInvitation(tx, input.token, now);
		let [user] = await tx.select().from(users).where(eq(users.email, invitation.email));
		if (user) {
			if (!(await verifyPassword(input.password, user.passwordHash))) {
				throw new AppError("unauthenticated", "This email has an account: enter its password to join");
			}
		} else {
			if (!input.name)
				throw new AppError("invalid", "name: Required", { fields: [{ field: "name", message: "Required" }] });
			[user] = await tx
				.insert(users)
				.values({ email: invitation.email, name: input.name, passwordHash: newHash, locale: input.locale })
				.returning();
		}
		if (!user) throw new Error("user not written");
		const [membership] = await tx
			.insert(memberships)
			.values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role })
			.returning();
		if (!membership) throw forbidden();
		// Departments deleted since the invitation was sent are skipped.
		const stillThere = invitation.departmentIds.length
			? await tx
					.select({ id: departments.id })
					.from(departments)
					.where(
						and(
							eq(departments.organizationId, invitation.organizationId),
							inArray(departments.id, invitation.departmentIds),
						),
					)
			: [];
		if (stillThere.length > 0) {
			await tx.insert(membershipDepartments).values(
				stillThere.map(({ id: departmentId }) => ({
					organizationId: invitation.organizationId,
					membershipId: membership.id,
					departmentId,
				})),
			);
		}
		await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
		await recordAudit(
			tx,
			{ organizationId: invitation.organizationId, actor: { type: "user", userId: user.id, role: invitation.role } },
			"invitation.accepted",
			{ type: "invitation", id: invitation.id },
		);
		const session = await createSession(tx, user.id, invitation.organizationId, now, userAgent);
		return { ...session, userId: user.id, organizationId: invitation.organizationId };
	});
}
