// Run by `npm start`: builds the web app when its sources changed since the last build (first start: always).
// The stamp is a hash of every input file's content, so it holds across clones and checkouts.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = path.join(root, "dist", "web", ".build-stamp");
const inputs = ["web", "lib/api", "server/modules", "vite.config.ts", "package-lock.json"];

function files(entry) {
	const full = path.join(root, entry);
	if (!fs.existsSync(full)) return [];
	if (fs.statSync(full).isFile()) return [entry];
	return fs.readdirSync(full).flatMap((name) => files(path.join(entry, name)));
}

const hash = createHash("sha256");
for (const file of inputs
	.flatMap(files)
	.filter((f) => !f.includes("node_modules"))
	.sort()) {
	if (file.startsWith("server/modules") && !file.endsWith("contract.ts")) continue;
	hash.update(file).update(fs.readFileSync(path.join(root, file)));
}
const stamp = hash.digest("hex");

if (
	fs.existsSync(stampFile) &&
	fs.readFileSync(stampFile, "utf8") === stamp &&
	fs.existsSync(path.join(root, "dist/web/index.html"))
) {
	process.exit(0);
}
console.log("Building the web app (only when its sources changed)…");
const result = spawnSync(
	process.execPath,
	[path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
	{
		cwd: root,
		stdio: "inherit",
	},
);
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stampFile, stamp);
