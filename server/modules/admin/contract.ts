// Payloads of the organization API (sign-up, sessions, members, invitations, API keys, departments).
// Pure zod: the web app imports this file for its forms and typed fetches.
import { z } from "zod";
import { ROLES } from "../../../lib/api/roles";

export const Locale = z.enum(["de", "en"]);
export type Locale = z.infer<typeof Locale>;
export const RoleName = z.enum(ROLES);

const Email = z
	.string()
	.trim()
	.toLowerCase()
	.max(254)
	.pipe(z.email({ message: "Enter a valid email address" }));
const Password = z.string().min(10, "Use at least 10 characters").max(200);
const Name = z.string().trim().min(1, "Required").max(120);

export const SignUpInput = z
	.object({
		organizationName: Name,
		name: Name,
		email: Email,
		password: Password,
		locale: Locale.default("de"),
	})
	.strict();
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(200) }).strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const SwitchOrganizationInput = z.object({ organizationId: z.uuid() }).strict();

export const UpdateMeInput = z
	.object({ name: Name.optional(), locale: Locale.optional() })
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const OrganizationView = z.object({
	id: z.uuid(),
	name: z.string(),
	slug: z.string(),
	defaultLanguage: Locale,
	timezone: z.string(),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

export const UpdateOrganizationInput = z
	.object({
		name: Name.optional(),
		defaultLanguage: Locale.optional(),
		timezone: z
			.string()
			.max(64)
			.refine((tz) => {
				try {
					new Intl.DateTimeFormat("en", { timeZone: tz });
					return true;
				} catch {
					return false;
				}
			}, "Unknown time zone")
			.optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

export const MeView = z.object({
	user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: Locale }).nullable(),
	apiKey: z.object({ id: z.uuid(), name: z.string() }).nullable(),
	organization: OrganizationView,
	role: RoleName,
	departmentIds: z.array(z.uuid()),
	organizations: z.array(z.object({ id: z.uuid(), name: z.string(), role: RoleName })),
});
export type MeView = z.infer<typeof MeView>;

export const DepartmentView = z.object({
	id: z.uuid(),
	name: z.string(),
	description: z.string().nullable(),
	/** The member who receives the department's escalated cases (second escalation step). */
	leadUserId: z.uuid().nullable(),
	createdAt: z.iso.datetime(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;

export const CreateDepartmentInput = z
	.object({
		name: Name,
		description: z.string().trim().max(1000).nullable().optional(),
		leadUserId: z.uuid().nullable().optional(),
	})
	.strict();
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;
export const UpdateDepartmentInput = CreateDepartmentInput.partial()
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInput>;

export const MemberView = z.object({
	userId: z.uuid(),
	email: z.string(),
	name: z.string(),
	role: RoleName,
	departmentIds: z.array(z.uuid()),
	joinedAt: z.iso.datetime(),
});
export type MemberView = z.infer<typeof MemberView>;

export const UpdateMemberInput = z
	.object({ role: RoleName.optional(), departmentIds: z.array(z.uuid()).max(50).optional() })
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

export const CreateInvitationInput = z
	.object({
		email: Email,
		role: RoleName.exclude(["owner"]),
		departmentIds: z.array(z.uuid()).max(50).default([]),
		locale: Locale.default("de"),
	})
	.strict();
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const InvitationView = z.object({
	id: z.uuid(),
	email: z.string(),
	role: RoleName,
	departmentIds: z.array(z.uuid()),
	status: z.enum(["pending", "accepted", "revoked", "expired"]),
	expiresAt: z.iso.datetime(),
	createdAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** Returned once, on creation: the link carries the secret, which is not stored. */
export const CreatedInvitationView = InvitationView.extend({ acceptUrl: z.string() });

export const PublicInvitationView = z.object({
	organizationName: z.string(),
	email: z.string(),
	role: RoleName,
	hasAccount: z.boolean(),
});

export const AcceptInvitationInput = z
	.object({
		token: z.string().min(10).max(200),
		name: Name.optional(),
		password: Password,
		locale: Locale.default("de"),
	})
	.strict();
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const ApiKeyView = z.object({
	id: z.uuid(),
	name: z.string(),
	prefix: z.string(),
	role: RoleName,
	lastUsedAt: z.iso.datetime().nullable(),
	revokedAt: z.iso.datetime().nullable(),
	createdAt: z.iso.datetime(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreateApiKeyInput = z.object({ name: Name, role: RoleName.exclude(["owner"]).default("viewer") }).strict();
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

/** Returned once, on creation: the key itself is never shown again. */
export const CreatedApiKeyView = ApiKeyView.extend({ key: z.string() });

export const IdParam = z.object({ id: z.uuid() });

/** An allowed origin: scheme + host (+ port); `*` may stand for one subdomain level or any port. */
export const AllowedOrigin = z
	.string()
	.trim()
	.max(200)
	.regex(
		/^https?:\/\/(\*\.)?[a-z0-9.-]+(:(\d{1,5}|\*))?$/i,
		"Use an origin like https://shop.example.com or http://localhost:*",
	);

export const SiteView = z.object({
	id: z.uuid(),
	name: z.string(),
	publicKey: z.string(),
	allowedOrigins: z.array(z.string()),
	respectPrivacySignals: z.boolean(),
	createdAt: z.iso.datetime(),
});
export type SiteView = z.infer<typeof SiteView>;

export const CreateSiteInput = z
	.object({
		name: Name,
		allowedOrigins: z.array(AllowedOrigin).max(50).default([]),
		respectPrivacySignals: z.boolean().optional(),
	})
	.strict();
export type CreateSiteInput = z.infer<typeof CreateSiteInput>;

export const UpdateSiteInput = z
	.object({
		name: Name.optional(),
		allowedOrigins: z.array(AllowedOrigin).max(50).optional(),
		respectPrivacySignals: z.boolean().optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateSiteInput = z.infer<typeof UpdateSiteInput>;
