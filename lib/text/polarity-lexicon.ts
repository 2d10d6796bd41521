// A small hand-written polarity lexicon (German and English word beginnings, folded). It gives
// the linear model a prior for words that are rare in the training data, and serves the rules.

// Prefixes match inflections and compounds: "verspaet" covers "Verspätung", "verspätet".
const positivePrefixes = [
	// German
	"gut", "super", "toll", "prima", "klasse", "spitze", "perfekt", "danke", "dank", "freu", "froh", "lieb",
	"schoen", "hervorragend", "ausgezeichnet", "wunderbar", "wunderschoen", "genial", "top", "zufrieden",
	"empfehl", "puenktlich", "freundlich", "hilfsbereit", "schnell", "bequem", "sauber", "angenehm",
	"entspannt", "glueck", "begeister", "lob", "kompetent", "zuverlaessig", "guenstig", "preiswert",
	"lecker", "cool", "mega", "geil", "herzlich", "problemlos", "reibungslos", "unkompliziert", "endlich",
	"klappt", "funktioniert", "besser", "beste", "bestens", "liebe", "hurra", "yeah", "juhu", "wow",
	// English
	"good", "great", "excellent", "amazing", "awesome", "love", "loved", "lovely", "thank", "thanks", "thx",
	"perfect", "wonderful", "fantastic", "best", "nice", "happy", "glad", "helpful", "friendly", "kind",
	"fast", "quick", "easy", "smooth", "comfortable", "clean", "recommend", "appreciat", "pleas",
	"enjoy", "impress", "outstanding", "brilliant", "superb", "fabulous", "kudos", "cheers", "yay",
	"professional", "reliable", "affordable", "worth",
];

const negativePrefixes = [
	// German
	"schlecht", "schlimm", "schrecklich", "furchtbar", "katastroph", "mies", "miserabel", "aergerlich",
	"aerger", "aerg", "veraerger", "wuetend", "sauer", "enttaeusch", "frech", "unverschaemt", "unfreundlich",
	"unhoeflich", "inkompetent", "verspaet", "verspaetung", "ausfall", "ausgefallen", "stoerung",
	"streik", "chaos", "peinlich", "nerv", "genervt", "laestig", "kaputt", "defekt", "dreck", "schmutz",
	"stink", "teuer", "abzocke", "abgezockt", "betrug", "beschwer", "reklamation", "mangel", "problem",
	"fehler", "falsch", "verloren", "ueberfuellt", "warten", "wartezeit", "langsam",
	"sauerei", "skandal", "frechheit", "zumutung", "unmoeglich", "traurig", "leider",
	"scheiss", "mist", "kacke", "hass", "hasse", "versagt", "versagen", "unzuverlaessig",
	"unpuenktlich", "umstaendlich", "kompliziert", "gesperrt", "verpasst", "gestrichen", "storniert",
	// English
	"bad", "worst", "worse", "terrible", "horrible", "awful", "poor", "rude", "hate", "angry", "annoy",
	"disappoint", "frustrat", "delay", "cancel", "lost", "broken", "dirty", "slow", "late", "wait",
	"waiting", "useless", "unhelpful", "fail", "problem", "issue", "complain", "refund", "never again",
	"ridiculous", "unacceptable", "disgust", "sucks", "suck", "stuck", "missed", "wrong", "mess",
	"nightmare", "pathetic", "joke", "sad", "upset", "overpriced", "expensive", "ugh",
];

// Two-word phrases, matched whole on consecutive folded words.
const phrasePolarity = new Map<string, number>([
	["nie wieder", -1], ["faellt aus", -1], ["never again", -1], ["on time", 1], ["kein problem", 1],
	["no problem", 1], ["well done", 1], ["gut gemacht", 1], ["weiter so", 1], ["not working", -1],
	["geht nicht", -1], ["funktioniert nicht", -1], ["klappt nicht", -1], ["on hold", -1],
]);

const positive = new Set(positivePrefixes);
const negative = new Set(negativePrefixes);
const longestPrefix = 14;

/** +1, -1 or 0 for a folded word, by its longest listed beginning (at least 3 letters). */
export function wordPolarity(word: string): number {
	for (let length = Math.min(longestPrefix, word.length); length >= 3; length--) {
		const prefix = word.slice(0, length);
		// Short entries must match whole words: "top" yes, "topic" no.
		if (length < 5 && length !== word.length) continue;
		if (positive.has(prefix)) return 1;
		if (negative.has(prefix)) return -1;
	}
	return 0;
}

export function phrasePolarityOf(first: string, second: string): number {
	return phrasePolarity.get(`${first} ${second}`) ?? 0;
}
