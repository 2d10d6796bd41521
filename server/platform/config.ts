// Runtime configuration from the environment, validated once at start-up.
import path from "node:path";
import { z } from "zod";

const Env = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().default("0.0.0.0"),
	DATABASE_URL: z.string().url().optional(),
	LOUPE_DATA_DIR: z.string().default(".loupe-data"),
	LOUPE_PUBLIC_URL: z.string().url().optional(),
	LOUPE_ALLOW_SIGNUP: z.enum(["true", "false"]).default("true"),
	LOUPE_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
	LOUPE_WORKERS: z.enum(["true", "false"]).default("true"),
	LOUPE_SEED_DEMO: z.enum(["true", "false"]).default("true"),
	SMTP_URL: z.string().optional(),
	LOUPE_CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
	SMTP_FROM: z.string().default("Loupe <loupe@localhost>"),
	/** Where customers' replies to cases go: `<local>+c-<token>@<domain>` (default: the SMTP_FROM address). */
	LOUPE_REPLY_ADDRESS: z.string().email().optional(),
	LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
	port: number;
	host: string;
	databaseUrl: string | undefined;
	dataDir: string;
	publicUrl: string;
	allowSignUp: boolean;
	runWorkers: boolean;
	trustProxy: boolean;
	seedDemo: boolean;
	smtpUrl: string | undefined;
	smtpFrom: string;
	/** The browser that renders dashboard exports (PNG/PDF); exports answer 503 when it is missing. */
	chromiumPath: string;
	/** The mailbox of case replies; plus-addressing carries each case's token. */
	replyAddress: { local: string; domain: string };
	logLevel: z.infer<typeof Env>["LOG_LEVEL"];
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = Env.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
		throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
	}
	const e = parsed.data;
	return {
		port: e.PORT,
		host: e.HOST,
		databaseUrl: e.DATABASE_URL,
		dataDir: path.resolve(e.LOUPE_DATA_DIR),
		publicUrl: (e.LOUPE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
		allowSignUp: e.LOUPE_ALLOW_SIGNUP === "true",
		runWorkers: e.LOUPE_WORKERS === "true",
		trustProxy: e.LOUPE_TRUST_PROXY === "true",
		seedDemo: e.LOUPE_SEED_DEMO === "true",
		smtpUrl: e.SMTP_URL || undefined,
		smtpFrom: e.SMTP_FROM,
		chromiumPath: e.LOUPE_CHROMIUM_PATH,
		replyAddress: replyAddressOf(e.LOUPE_REPLY_ADDRESS ?? e.SMTP_FROM),
		logLevel: e.LOG_LEVEL,
	};
}

/** The bare address of `Name <local@domain>` or `local@domain`, split; an existing `+tag` is dropped. */
function replyAddressOf(address: string): { local: string; domain: string } {
	const bare = /<([^>]+)>/.exec(address)?.[1] ?? address.trim();
	const at = bare.lastIndexOf("@");
	if (at <= 0 || at === bare.length - 1) {
		throw new Error(`Invalid configuration:\n  LOUPE_REPLY_ADDRESS (or SMTP_FROM): not an email address: ${address}`);
	}
	return { local: bare.slice(0, at).split("+")[0] ?? bare.slice(0, at), domain: bare.slice(at + 1).toLowerCase() };
}
