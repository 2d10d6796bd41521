// drizzle-kit generates the SQL migrations from the module tables: `npx drizzle-kit generate --name <change>`.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "postgresql",
	schema: "./server/platform/schema.ts",
	out: "./server/platform/migrations",
	migrations: { prefix: "index" },
});
