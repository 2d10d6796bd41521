// Makes arbitrary input (binary garbage, huge pastes, odd Unicode) safe to analyse.

export const defaultMaxChars = 5000;

export type NormalizedInput = { text: string; truncated: boolean };

// Control characters (except tab/newline) and unpaired surrogates carry no meaning and break
// JSON consumers downstream, so they become spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function normalizeInput(raw: string, maxChars = defaultMaxChars): NormalizedInput {
	let text = raw;
	let truncated = false;
	// Cut before the costlier steps so a 10 MB line costs no more than a 5,000-char one.
	if (text.length > maxChars) {
		text = text.slice(0, maxChars);
		truncated = true;
	}
	text = text.replace(loneSurrogates, " ").replace(controlChars, " ").normalize("NFC");
	return { text, truncated };
}
