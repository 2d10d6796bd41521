// Browser tests: one file at a time against a freshly started Loupe server.
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["e2e/**/*.e2e.test.ts"],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		fileParallelism: false,
	},
});
