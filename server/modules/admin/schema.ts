// Tables of the organization itself: tenants, people, roles, departments, sessions, invitations, API keys.
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "../../../lib/api/roles";

const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();

export const organizations = pgTable("organizations", {
	id: uuid("id").primaryKey().defaultRandom(),
	name: text("name").notNull(),
	slug: text("slug").notNull().unique(),
	defaultLanguage: text("default_language").notNull().default("de"),
	timezone: text("timezone").notNull().default("Europe/Berlin"),
	createdAt: createdAt(),
});

export const users = pgTable(
	"users",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		email: text("email").notNull(),
		name: text("name").notNull(),
		passwordHash: text("password_hash").notNull(),
		locale: text("locale").notNull().default("de"),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
	"memberships",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		role: text("role", { enum: ROLES }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("memberships_org_user_key").on(t.organizationId, t.userId)],
);

export const departments = pgTable(
	"departments",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		description: text("description"),
		/** Receives the second escalation step of the department's overdue cases. */
		leadUserId: uuid("lead_user_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("departments_org_name_key").on(t.organizationId, sql`lower(${t.name})`)],
);

export const membershipDepartments = pgTable(
	"membership_departments",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		membershipId: uuid("membership_id")
			.notNull()
			.references(() => memberships.id, { onDelete: "cascade" }),
		departmentId: uuid("department_id")
			.notNull()
			.references(() => departments.id, { onDelete: "cascade" }),
	},
	(t) => [primaryKey({ columns: [t.membershipId, t.departmentId] })],
);

export const sessions = pgTable(
	"sessions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		tokenHash: text("token_hash").notNull().unique(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
		userAgent: text("user_agent"),
		createdAt: createdAt(),
	},
	(t) => [index("sessions_user_idx").on(t.userId)],
);

export const invitations = pgTable(
	"invitations",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		role: text("role", { enum: ROLES }).notNull(),
		departmentIds: uuid("department_ids").array().notNull().default(sql`'{}'::uuid[]`),
		tokenHash: text("token_hash").notNull().unique(),
		invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
		expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
		acceptedAt: timestamp("accepted_at", { withTimezone: true, precision: 3 }),
		revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
		createdAt: createdAt(),
	},
	(t) => [index("invitations_org_idx").on(t.organizationId, t.createdAt)],
);

export const apiKeys = pgTable(
	"api_keys",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		prefix: text("prefix").notNull(),
		keyHash: text("key_hash").notNull().unique(),
		role: text("role", { enum: ["admin", "analyst", "agent", "viewer"] }).notNull(),
		createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
		lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
		revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
		createdAt: createdAt(),
	},
	(t) => [index("api_keys_org_idx").on(t.organizationId, t.createdAt)],
);

export const signInAttempts = pgTable(
	"sign_in_attempts",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		email: text("email").notNull(),
		succeeded: boolean("succeeded").notNull(),
		createdAt: createdAt(),
	},
	(t) => [index("sign_in_attempts_email_idx").on(t.email, t.createdAt)],
);

export const auditLog = pgTable(
	"audit_log",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		actorType: text("actor_type").notNull(),
		actorId: text("actor_id"),
		action: text("action").notNull(),
		entityType: text("entity_type").notNull(),
		entityId: uuid("entity_id"),
		changes: text("changes"),
		createdAt: createdAt(),
	},
	(t) => [index("audit_log_org_idx").on(t.organizationId, t.createdAt)],
);

/** A website or app of the organization that sends feedback and behaviour with a public key. */
export const sites = pgTable(
	"sites",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		publicKey: text("public_key").notNull().unique(),
		allowedOrigins: text("allowed_origins").array().notNull().default([]),
		/** Drop behaviour events from browsers that send Do-Not-Track or Global Privacy Control. */
		respectPrivacySignals: boolean("respect_privacy_signals").notNull().default(false),
		createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
	},
	(t) => [index("sites_org_idx").on(t.organizationId, t.createdAt)],
);
