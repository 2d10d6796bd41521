// The fatigue record in localStorage (no cookie, never sent to the server), shared by the triggers in /loupe.js
// and the survey UI. When storage is blocked or broken, `readFatigue` returns null and no survey is shown.
import { randomId } from "../tracker/ids";
import type { FatigueRecord } from "./rules";

const KEY = "loupe_f";

export function readFatigue(): FatigueRecord | null {
	try {
		const record: FatigueRecord = {
			shownAt: 0,
			answered: [],
			seed: "",
			...JSON.parse(localStorage.getItem(KEY) || "{}"),
		};
		if (!record.seed) {
			record.seed = randomId();
			localStorage.setItem(KEY, JSON.stringify(record));
		}
		return record;
	} catch {
		return null;
	}
}

/** Applies `change` to the stored record; false when storage is unavailable. */
export function updateFatigue(change: (record: FatigueRecord) => void): boolean {
	const record = readFatigue();
	if (!record) return false;
	change(record);
	try {
		localStorage.setItem(KEY, JSON.stringify(record));
		return true;
	} catch {
		return false;
	}
}
