// Members of an organization: their role and departments; the last owner can never be removed or demoted.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { conflict, forbidden, notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { MemberView, UpdateMemberInput } from "../contract";
import { membershipDepartments, memberships, sessions, users } from "../schema";
import { recordAudit } from "./audit";
import { assertDepartmentsInOrg } from "./departments";

async function getMembershipInOrg(db: Db, organizationId: string, userId: string) {
	const [row] = await db
		.select()
		.from(memberships)
		.where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
	if (!row) throw notFound("Member");
	return row;
}

async function departmentIdsOf(db: Db, membershipIds: string[]): Promise<Map<string, string[]>> {
	const byMembership = new Map<string, string[]>();
	if (membershipIds.length === 0) return byMembership;
	const rows = await db
		.select()
		.from(membershipDepartments)
		.where(inArray(membershipDepartments.membershipId, membershipIds));
	for (const row of rows) {
		byMembership.set(row.membershipId, [...(byMembership.get(row.membershipId) ?? []), row.departmentId]);
	}
	return byMembership;
}

export async function findMembers(ctx: Ctx, query: PageQuery): Promise<Page<MemberView>> {
	const rows = await ctx.db
		.select({ membership: memberships, user: users })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: users.email, kind: "text" }, users.id, "asc"),
			),
		)
		.orderBy(asc(users.email), asc(users.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const departmentsByMembership = await departmentIdsOf(
		ctx.db,
		page.map((r) => r.membership.id),
	);
	return toPage(
		rows,
		query.limit,
		({ membership, user }) => ({
			userId: user.id,
			email: user.email,
			name: user.name,
			role: membership.role,
			departmentIds: departmentsByMembership.get(membership.id) ?? [],
			joinedAt: membership.createdAt.toISOString(),
		}),
		(r) => [r.user.email, r.user.id],
	);
}

async function ownerCount(db: Db, organizationId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(memberships)
		.where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
	return row?.n ?? 0;
}

function assertMayManage(ctx: Ctx, targetRole: string, newRole?: string) {
	const isOwner = ctx.actor.type === "user" && ctx.actor.role === "owner";
	if (!isOwner && (targetRole === "owner" || newRole === "owner")) throw forbidden("Only an owner can change owners");
}

export async function updateMember(ctx: Ctx, userId: string, input: UpdateMemberInput): Promise<MemberView> {
	await ctx.db.transaction(async (tx) => {
		const membership = await getMembershipInOrg(tx, ctx.organizationId, userId);
		assertMayManage(ctx, membership.role, input.role);
		if (
			input.role &&
			membership.role === "owner" &&
			input.role !== "owner" &&
			(await ownerCount(tx, ctx.organizationId)) <= 1
		) {
			throw conflict("The organization needs at least one owner");
		}
		if (input.role) await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, membership.id));
		if (input.departmentIds) {
			await assertDepartmentsInOrg(tx, ctx.organizationId, input.departmentIds);
			await tx.delete(membershipDepartments).where(eq(membershipDepartments.membershipId, membership.id));
			const unique = [...new Set(input.departmentIds)];
			if (unique.length > 0) {
				await tx.insert(membershipDepartments).values(
					unique.map((departmentId) => ({
						organizationId: ctx.organizationId,
						membershipId: membership.id,
						departmentId,
					})),
				);
			}
		}
		await recordAudit(tx, ctx, "member.updated", { type: "user", id: userId }, input);
	});
	const [view] = (await findMembersByUser(ctx, userId)).items;
	if (!view) throw notFound("Member");
	return view;
}

async function findMembersByUser(ctx: Ctx, userId: string): Promise<Page<MemberView>> {
	const membership = await getMembershipInOrg(ctx.db, ctx.organizationId, userId);
	const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
	if (!user) throw notFound("Member");
	const departmentIds = (await departmentIdsOf(ctx.db, [membership.id])).get(membership.id) ?? [];
	return {
		items: [
			{
				userId,
				email: user.email,
				name: user.name,
				role: membership.role,
				departmentIds,
				joinedAt: membership.createdAt.toISOString(),
			},
		],
		nextCursor: null,
	};
}

export async function removeMember(ctx: Ctx, userId: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const membership = await getMembershipInOrg(tx, ctx.organizationId, userId);
		assertMayManage(ctx, membership.role);
		if (membership.role === "owner" && (await ownerCount(tx, ctx.organizationId)) <= 1) {
			throw conflict("The organization needs at least one owner");
		}
		await tx.delete(memberships).where(eq(memberships.id, membership.id));
		await tx.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.organizationId, ctx.organizationId)));
		await recordAudit(tx, ctx, "member.removed", { type: "user", id: userId });
	});
}
