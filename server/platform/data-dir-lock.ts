// One process per PGlite data directory: PGlite does not prevent a second opener and would
// silently lose writes, so Loupe holds a lock file with its PID and refuses a live second process.
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {}

// Locks this process holds. A lock file naming our own PID that is not in here was left by an earlier
// process that had the same PID (common in containers, where the server is often PID 1): it is stale.
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

/** Takes the lock or throws DataDirLockedError; a lock left by a dead process is taken over. */
export function lockDataDir(dataDir: string): () => void {
	fs.mkdirSync(dataDir, { recursive: true });
	const lockPath = path.join(dataDir, "loupe.lock");
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(lockPath, "wx");
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			heldHere.add(lockPath);
			return () => {
				heldHere.delete(lockPath);
				try {
					if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
			const holder = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
			const isHeld = holder === process.pid ? heldHere.has(lockPath) : Number.isFinite(holder) && isAlive(holder);
			if (isHeld) {
				throw new DataDirLockedError(
					`The data directory ${dataDir} is in use by another Loupe process (PID ${holder}). ` +
						"Embedded PGlite serves one process only: stop the other process, use another LOUPE_DATA_DIR, " +
						"or run several processes on PostgreSQL with DATABASE_URL.",
				);
			}
			fs.unlinkSync(lockPath);
		}
	}
	throw new DataDirLockedError(`Could not lock ${dataDir}`);
}
