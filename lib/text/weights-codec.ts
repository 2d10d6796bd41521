// Packs float weights as base64 int16 with one scale, so a model ships as compact JSON.

export type PackedWeights = { scale: number; length: number; base64: string };

export function packWeights(weights: Float32Array): PackedWeights {
	let maxAbs = 0;
	for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
	const scale = maxAbs === 0 ? 1 : maxAbs / 32767;
	const quantised = new Int16Array(weights.length);
	for (let i = 0; i < weights.length; i++) quantised[i] = Math.round((weights[i] as number) / scale);
	const bytes = new Uint8Array(quantised.buffer);
	let binary = "";
	// String.fromCharCode takes arguments, so the bytes go in slices to stay under call limits.
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return { scale, length: weights.length, base64: btoa(binary) };
}

export function unpackWeights(packed: PackedWeights): Float32Array {
	const binary = atob(packed.base64);
	if (binary.length !== packed.length * 2) throw new Error("packed weights have the wrong length");
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	const quantised = new Int16Array(bytes.buffer);
	const weights = new Float32Array(packed.length);
	for (let i = 0; i < weights.length; i++) weights[i] = (quantised[i] as number) * packed.scale;
	return weights;
}
