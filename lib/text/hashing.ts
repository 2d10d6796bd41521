// Feature hashing: maps feature strings to a fixed number of weight slots without a vocabulary.

/** 32-bit FNV-1a over UTF-16 code units; fast and stable across platforms. */
export function hashString(value: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < value.length; i++) {
		hash ^= value.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}
