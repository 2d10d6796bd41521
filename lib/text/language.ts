// Language detection via eld (medium n-gram database), with a fallback for short or unclear text.
import { eld } from "eld/medium";

export type DetectedLanguage = { language: string; reliable: boolean };

export type DetectLanguageOptions = {
	/**
	 * Languages we have models for (e.g. ["de", "en"]). When the open detection is unsure, a
	 * detector restricted to these decides instead of the fallback — it is right far more often
	 * than a fixed default on short feedback such as "thanks, great flight".
	 */
	preferred?: readonly string[];
};

/** Below this many letters n-gram statistics are mostly noise ("ok", "👍 super"). */
export const minLettersForDetection = 12;

// URLs, mentions, hashtags and e-mail addresses are language-neutral and mislead the n-grams.
const noise = /(?:https?:\/\/|www\.)\S+|\S+@\S+|[@#][\p{L}\p{N}_]+/gu;

const restrictedDetectors = new Map<string, typeof eld>();

function restrictedDetector(languages: readonly string[]): typeof eld {
	const key = [...languages].sort().join(",");
	let detector = restrictedDetectors.get(key);
	if (detector === undefined) {
		detector = eld.newInstance();
		detector.setLanguageSubset([...languages]);
		restrictedDetectors.set(key, detector);
	}
	return detector;
}

export function detectLanguage(text: string, fallback: string, options: DetectLanguageOptions = {}): DetectedLanguage {
	// eld's cost grows with length; the first 1,000 characters decide the language well enough.
	const cleaned = text.slice(0, 2000).replace(noise, " ").slice(0, 1000);
	const letters = cleaned.match(/\p{L}/gu)?.length ?? 0;
	if (letters >= minLettersForDetection) {
		const result = eld.detect(cleaned);
		if (result.language !== "" && result.isReliable()) return { language: result.language, reliable: true };
	}
	const preferred = options.preferred ?? [];
	if (preferred.length > 1 && letters >= 3) {
		const guess = restrictedDetector(preferred).detect(cleaned).language;
		if (guess !== "") return { language: guess, reliable: false };
	}
	return { language: fallback, reliable: false };
}
