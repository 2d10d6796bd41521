// Sessions and API keys: signing in and out, and turning a cookie or bearer key into an authenticated actor.
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { dummyPasswordHash, verifyPassword } from "../../../platform/auth/password";
import { hashSecret, newSecret } from "../../../platform/auth/tokens";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Auth } from "../../../platform/http";
import type { SignInInput } from "../contract";
import { apiKeys, memberships, sessions, signInAttempts, users } from "../schema";

export const SESSION_DAYS = 30;
const FAILED_SIGN_INS_ALLOWED = 10;
const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

export async function createSession(
	db: Db,
	userId: string,
	organizationId: string,
	now: Date,
	userAgent?: string,
): Promise<{ token: string; expiresAt: Date }> {
	const token = newSecret("ls");
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
	await db.insert(sessions).values({
		tokenHash: hashSecret(token),
		userId,
		organizationId,
		expiresAt,
		userAgent: userAgent?.slice(0, 300) ?? null,
	});
	return { token, expiresAt };
}

/** Checks the password; refuses after too many recent failures for the same email (per database, so per cluster). */
export async function signIn(db: Db, input: SignInInput, now: Date, userAgent?: string) {
	const since = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS);
	const [failures] = await db
		.select({ n: count() })
		.from(signInAttempts)
		.where(
			and(
				eq(signInAttempts.email, input.email),
				eq(signInAttempts.succeeded, false),
				gt(signInAttempts.createdAt, since),
			),
		);
	if ((failures?.n ?? 0) >= FAILED_SIGN_INS_ALLOWED) {
		throw new AppError("rate_limited", "Too many failed sign-ins for this email; try again in 15 minutes");
	}
	const [user] = await db.select().from(users).where(eq(users.email, input.email));
	const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
	const [membership] = user
		? await db.select().from(memberships).where(eq(memberships.userId, user.id)).orderBy(memberships.createdAt).limit(1)
		: [];
	await db.insert(signInAttempts).values({ email: input.email, succeeded: isValid && !!membership, createdAt: now });
	if (!user || !isValid) throw new AppError("unauthenticated", "Email or password is wrong");
	if (!membership) throw new AppError("forbidden", "This account belongs to no organization");
	const session = await createSession(db, user.id, membership.organizationId, now, userAgent);
	return { ...session, userId: user.id, organizationId: membership.organizationId, role: membership.role };
}

export async function signOut(db: Db, sessionToken: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(sessionToken)));
}

export async function switchOrganization(db: Db, auth: Auth, organizationId: string): Promise<void> {
	if (!auth.sessionId || !auth.userId)
		throw new AppError("forbidden", "Only a signed-in user can switch organizations");
	const [membership] = await db
		.select()
		.from(memberships)
		.where(and(eq(memberships.userId, auth.userId), eq(memberships.organizationId, organizationId)));
	if (!membership) throw new AppError("not_found", "Organization not found");
	await db.update(sessions).set({ organizationId }).where(eq(sessions.id, auth.sessionId));
}

/** The actor behind a session cookie or an API key, or undefined when neither is valid. */
export async function authenticate(
	db: Db,
	credentials: { sessionToken?: string; apiKey?: string },
	now: Date,
): Promise<Auth | undefined> {
	if (credentials.apiKey) {
		const [key] = await db
			.select()
			.from(apiKeys)
			.where(and(eq(apiKeys.keyHash, hashSecret(credentials.apiKey)), isNull(apiKeys.revokedAt)));
		if (!key) return undefined;
		// Last use is informational: record it at most once a minute to keep reads cheap.
		if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
			await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
		}
		return { organizationId: key.organizationId, role: key.role, userId: null, apiKeyId: key.id, sessionId: null };
	}
	if (credentials.sessionToken) {
		const [row] = await db
			.select({ session: sessions, role: memberships.role })
			.from(sessions)
			.innerJoin(
				memberships,
				and(eq(memberships.userId, sessions.userId), eq(memberships.organizationId, sessions.organizationId)),
			)
			.where(and(eq(sessions.tokenHash, hashSecret(credentials.sessionToken)), gt(sessions.expiresAt, now)));
		if (!row) return undefined;
		return {
			organizationId: row.session.organizationId,
			role: row.role,
			userId: row.session.userId,
			apiKeyId: null,
			sessionId: row.session.id,
		};
	}
	return undefined;
}
