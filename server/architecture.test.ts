// Imports flow one way (CONVENTIONS.md §7): lib/ imports nothing of server/ or web/; a module reaches
// another module through its service, never its tables (schema files may reference tables for foreign keys);
// contract files stay pure (zod, other contracts, lib/) so that the web app can import them; no barrel index files.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
		return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
	});
}

function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, "utf8");
	return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
}

const resolved = (file: string, spec: string) => (spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : spec);
const rel = (p: string) => path.relative(root, p);

describe("architecture", () => {
	it("keeps lib/ free of server and web imports", () => {
		const offenders = sourceFiles(path.join(root, "lib")).flatMap((file) =>
			importsOf(file)
				.map((spec) => rel(resolved(file, spec)))
				.filter((target) => target.startsWith("server") || target.startsWith("web"))
				.map((target) => `${rel(file)} → ${target}`),
		);
		expect(offenders).toEqual([]);
	});

	it("lets modules use each other's services, not tables", () => {
		const modules = path.join(root, "server", "modules");
		const offenders = sourceFiles(modules).flatMap((file) => {
			const own = rel(file).split(path.sep)[2];
			// Schema files reference tables for foreign keys; tests may set up and inspect rows of any module.
			if (/\/schema(-[\w-]+)?\.ts$/.test(file) || file.endsWith(".test.ts") || file.endsWith("test-setup.ts"))
				return [];
			return importsOf(file)
				.map((spec) => rel(resolved(file, spec)))
				.filter((target) => target.startsWith("server/modules/") && target.split("/")[2] !== own)
				.filter((target) => /\/schema(-[\w-]+)?$/.test(target))
				.map((target) => `${rel(file)} → ${target}`);
		});
		expect(offenders).toEqual([]);
	});

	it("keeps contract files importable by the web app (zod and other contracts only)", () => {
		const contracts = sourceFiles(path.join(root, "server")).filter((f) => /\/contract(-[\w-]+)?\.ts$/.test(f));
		expect(contracts.length).toBeGreaterThanOrEqual(2);
		const offenders = contracts.flatMap((file) =>
			importsOf(file)
				.filter((spec) => spec !== "zod")
				.filter((spec) => !/contract(-[\w-]+)?$|\/lib\//.test(spec))
				.map((spec) => `${rel(file)} → ${spec}`),
		);
		expect(offenders).toEqual([]);
	});

	it("has no barrel index files", () => {
		const barrels = ["server", "lib", "web/src", "widget"]
			.flatMap((dir) => sourceFiles(path.join(root, dir)))
			.filter((f) => /\/index\.tsx?$/.test(f));
		expect(barrels.map(rel)).toEqual([]);
	});
});
