// Seeded pseudo-random numbers so that training and sampling are reproducible run to run.

/** mulberry32: a tiny 32-bit generator; good enough for shuffling training data. */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher–Yates shuffle of a copy, driven by the given generator. */
export function shuffled<T>(values: readonly T[], random: () => number): T[] {
	const copy = values.slice();
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const swap = copy[i] as T;
		copy[i] = copy[j] as T;
		copy[j] = swap;
	}
	return copy;
}
