// Negation cues and their scope: "nicht gut", "not great", "kein Problem" flip what follows.

const negationCues = new Set([
	// German
	"nicht",
	"kein",
	"keine",
	"keinen",
	"keinem",
	"keiner",
	"keines",
	"nie",
	"niemals",
	"nichts",
	"niemand",
	"ohne",
	"weder",
	"kaum",
	"nimmer",
	// English
	"not",
	"no",
	"never",
	"nothing",
	"nobody",
	"none",
	"neither",
	"nor",
	"without",
	"hardly",
	"cannot",
	"dont",
	"doesnt",
	"didnt",
	"isnt",
	"wasnt",
	"arent",
	"werent",
	"cant",
	"couldnt",
	"wont",
	"wouldnt",
	"shouldnt",
	"havent",
	"hasnt",
	"hadnt",
	"aint",
]);

// Words that end a negation scope although no punctuation does ("not cheap but good").
const scopeBreakers = new Set([
	"aber",
	"sondern",
	"jedoch",
	"doch",
	"trotzdem",
	"und",
	"oder",
	"weil",
	"obwohl",
	"but",
	"however",
	"and",
	"or",
	"because",
	"although",
	"though",
	"yet",
]);

/** How many word tokens after a cue count as negated; short scopes are the usual heuristic. */
export const negationWindow = 3;

export function isNegationCue(word: string): boolean {
	return negationCues.has(word) || /n['’]t$/.test(word);
}

export function isScopeBreaker(word: string): boolean {
	return scopeBreakers.has(word);
}
