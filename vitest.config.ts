// Unit and integration tests (PGlite by default; the same suite on PostgreSQL when DATABASE_URL is set).
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["{server,lib,cli,scripts,widget}/**/*.test.ts"],
		globalSetup: ["server/test/global-setup.ts"],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: "forks",
		maxWorkers: 2,
	},
});
