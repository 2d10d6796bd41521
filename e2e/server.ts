// Starts a throw-away Loupe server (own port, own data directory) for browser tests, and stops it afterwards.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export type LoupeServer = { baseUrl: string; stop: () => Promise<void> };

const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const probe = createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port")),
			);
		});
	});

/** The server serves dist/web: build it once when it is missing. */
function ensureWebBuild() {
	if (fs.existsSync(path.join(ROOT, "dist/web/index.html"))) return;
	execFileSync("npx", ["vite", "build"], { cwd: ROOT, stdio: "inherit" });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + 240_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Loupe exited early (${child.exitCode}):\n${output()}`);
		try {
			const response = await fetch(`${baseUrl}/api/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Loupe did not become healthy:\n${output()}`);
}

export async function startLoupe(): Promise<LoupeServer> {
	ensureWebBuild();
	const port = await freePort();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-e2e-"));
	const child = spawn(process.execPath, ["cli/loupe.mjs", "start"], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), LOUPE_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let log = "";
	const collect = (chunk: Buffer) => {
		log = (log + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on("data", collect);
	child.stderr?.on("data", collect);
	const baseUrl = `http://127.0.0.1:${port}`;

	const stop = async () => {
		if (child.exitCode === null) {
			const exited = new Promise((resolve) => child.once("exit", resolve));
			child.kill("SIGTERM");
			const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
			await exited;
			clearTimeout(timer);
		}
		fs.rmSync(dataDir, { recursive: true, force: true });
	};

	try {
		await waitForHealth(baseUrl, child, () => log);
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseUrl, stop };
}
