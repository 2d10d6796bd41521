// Renders models/README.md from the numbers of the last training run, so the README never
// disagrees with the shipped weights.
import type { ClassificationReport } from "../../lib/text/metrics";
import type { IntentRow, LanguageRow } from "./evaluate-rules";

type Comparison = { heldBack: number; before: ClassificationReport; after: ClassificationReport } | undefined;

export type TrainingReport = {
	german: {
		cv: ClassificationReport;
		nested: ClassificationReport;
		offsets: number[];
		foldAccuracies: number[];
		temperature: number;
		folds: number;
	};
	english: { dev: ClassificationReport; cv: ClassificationReport; offsets: number[]; temperature: number };
	comparisons: { german: Comparison; english: Comparison };
	language: LanguageRow[];
	intents: IntentRow[];
	sizes: { de: number; en: number };
	seed: number;
	extra: string | undefined;
};

const f = (n: number) => n.toFixed(3);

function scoreTable(report: ClassificationReport): string {
	const rows = Object.entries(report.perClass).map(
		([label, s]) => `| ${label} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.support} |`,
	);
	return [
		`Accuracy = micro-F1 **${f(report.accuracy)}**, macro-F1 **${f(report.macroF1)}** (n = ${report.count}).`,
		"",
		"| class | precision | recall | F1 | support |",
		"|---|---|---|---|---|",
		...rows,
	].join("\n");
}

function comparisonText(name: string, comparison: Comparison): string {
	if (!comparison) return "";
	return `\n**${name}, your held-back labels (n = ${comparison.heldBack}):** before ${f(comparison.before.accuracy)} accuracy / ${f(comparison.before.macroF1)} macro-F1, after ${f(comparison.after.accuracy)} / ${f(comparison.after.macroF1)}.\n`;
}

export function renderModelsReadme(report: TrainingReport): string {
	const { german, english } = report;
	return `# Loupe text models

Weights for Loupe's own sentiment models (\`sentiment-de.json\`, \`sentiment-en.json\`), made by
\`scripts/train-text.ts\` (\`npm run train:text\`). This file and \`metrics.json\` are rewritten by every
training run${report.extra ? ` — this run included the extra labels from \`${report.extra}\`` : ""}. Seed ${report.seed}; the same data and seed give the same weights.

## Licence: non-commercial research data

**The weights derive from data sets released for research and non-commercial use.** Loupe's code is
AGPL, but these weight files inherit the data's terms; a company using Loupe commercially should check
them or retrain on its own labelled feedback (below). No training text is shipped: the files hold only
hashed feature weights.

| model | data | terms |
|---|---|---|
| German | GermEval 2017 (Deutsche Bahn customer feedback), dev 2017-09-15 + trial, 2,469 docs: Wojatzki, Ruppert, Holschneider, Zesch, Biemann (2017), *GermEval 2017: Shared Task on Aspect-based Sentiment in Social Media Customer Feedback* | released by the organisers for research |
| German | SB10k, 7,476 German tweets: Cieliebak, Deriu, Egger, Uzdilli (2017), *A Twitter Corpus and Benchmark Resources for German Sentiment Analysis*, SocialNLP | CC BY 4.0 for the annotations; tweet texts under Twitter's terms; research and training only |
| English | Twitter US Airline Sentiment (Crowdflower "Data for Everyone", 2015), train split of 10,133 tweets | CC BY-NC-SA 4.0: non-commercial, attribution, share-alike |

## How the models work

- Tokens (\`lib/text/tokenize.ts\`): lowercased, umlauts folded (ä → ae, ß → ss), URLs/mentions/numbers as
  placeholders, hashtags as words, emoji and emoticons as tokens, \`!\`/\`?\` runs, and **negation scope**:
  up to three words after a cue (nicht, kein, nie, not, never, n't …) until punctuation or "aber/but";
  a German "nicht" that ends its clause negates the two words before it ("gefällt mir nicht").
- Features (\`lib/text/features.ts\`), hashed into ${(1 << 18).toLocaleString("en")} slots: word 1–2-grams, character 2–5-grams
  inside words, negated words as separate features, a small hand-written polarity lexicon
  (\`lib/text/polarity-lexicon.ts\`), punctuation, capitals, elongation and length cues. Each group is
  L2-normalised.
- Model: multinomial logistic regression, AdaGrad SGD, 4 epochs, 3 differently shuffled runs averaged
  (averaging weights of linear models = averaging their logits, so inference costs one model).
- German domain adaptation: every feature also gets a copy tagged with its domain ("feedback" for
  GermEval, "tweet" for SB10k) — Daumé III (2007), *Frustratingly Easy Domain Adaptation*. Inference uses
  the shared + feedback copies, so tweets teach general sentiment words while GermEval sets the
  feedback-specific weights and class prior.
- Class-prior correction: offsets added to the negative/positive logits, chosen on out-of-fold predictions
  to maximise accuracy (the averaged, regularised model under-predicts the rare classes). German
  (negative, neutral, positive) = (${german.offsets.join(", ")}), English = (${english.offsets.join(", ")}).
- Calibration: a softmax temperature fitted on the shifted out-of-fold predictions (Guo et al. 2017). It
  changes the confidence, never the label. German T = ${german.temperature}, English T = ${english.temperature}.

## Accuracy

### German: ${german.folds}-fold cross-validation on GermEval 2017 dev + trial

GermEval dev is both the only in-domain training data and the only German evaluation data, so the score
is ${german.folds}-fold cross-validation (seeded): each fold's model is trained on the other folds plus all of SB10k and
scores its own fold. Majority class ("neutral") on this data: 0.687.

**Shipped configuration** (class offsets included; each fold scored with offsets fitted on the other
folds' out-of-fold predictions, so no fold's own labels chose them):

${scoreTable(german.nested)}

Without the class offsets (plain CV, fold accuracies ${german.foldAccuracies.map(f).join(", ")}):

${scoreTable(german.cv)}

### English: trained on airline train, scored on airline dev

${scoreTable(english.dev)}

Cross-validation on airline train (used only to fit the temperature): accuracy ${f(english.cv.accuracy)}, macro-F1 ${f(english.cv.macroF1)}. Majority class on dev: 0.618.
${comparisonText("German", report.comparisons.german)}${comparisonText("English", report.comparisons.english)}
### Language detection (eld, medium database)

\`detectLanguage(text, fallback, { preferred: ["de", "en"] })\`; here the fallback is deliberately the *wrong*
language, so a fallback never counts as a hit. "Decided" is the share eld itself was sure of; the rest are
short texts decided by a de/en-only detector.

| set | n | correct | decided | correct among decided |
|---|---|---|---|---|
${report.language.map((r) => `| ${r.set} | ${r.count} | ${f(r.accuracy)} | ${f(r.decided)} | ${f(r.decidedAccuracy)} |`).join("\n")}

### Intents (rules + sentiment) on a hand-labelled sample

\`lib/text/fixtures/intent-sample.tsv\`: 200 lines drawn (seeded) from GermEval dev and airline dev and labelled
by hand (see \`lib/text/fixtures/README.md\`). Suggestions are rare in real feedback, so their numbers rest on
few examples.

| intent | precision | recall | F1 | support |
|---|---|---|---|---|
${report.intents.map((r) => `| ${r.intent} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${r.support} |`).join("\n")}

## Size and speed

\`sentiment-de.json\` ${(report.sizes.de / 1e6).toFixed(2)} MB, \`sentiment-en.json\` ${(report.sizes.en / 1e6).toFixed(2)} MB (int16-quantised weights, base64).
Throughput and load time: \`npm run bench:text\` → \`bench/results/text.json\`.

## Known limitations

- The German model learns its feedback prior from Deutsche Bahn social-media posts, where "Danke" and
  "super" are often sarcastic and most posts are neutral news. Plain thanks ("Super Service, vielen Dank!")
  may come out neutral; survey feedback is usually friendlier than GermEval. Retrain with your own labels.
- GermEval dev is the only in-domain German evaluation data; the cross-validated numbers above will not
  match the GermEval 2017 test sets exactly (their class mix differs: about 0.66 neutral).
- SB10k tweets are often too short or mixed to call German (see the language table); feedback texts are not.
- Negation is a window heuristic (three words, or two words back for a clause-final German "nicht").
- Suggestions are judged on 6 examples only; treat their precision/recall as indicative.

## Retraining on your own labelled feedback

1. Export corrected labels as CSV or TSV with a header: \`text,label\` and optionally \`language\`
   (\`de\`/\`en\`; detected when missing). Labels: \`positive\`, \`neutral\`, \`negative\`.
2. Run \`npm run train:text -- --extra my-labels.csv\` (\`--extra-weight 2\` by default: your examples count
   twice; \`--out dir\` to write elsewhere, \`LOUPE_TEXT_DATA\` or \`--data\` for the research data folder).
3. The script holds back a fifth of your labels, prints accuracy on them before (research data only) and
   after (with the other four fifths), then trains the final model on everything and rewrites this folder.

From code (e.g. per organisation in a job): \`trainSentimentModel(examples, options)\` in
\`lib/text/train-sentiment.ts\` is the same pure function the script uses; \`evaluateSentimentModel\` scores a
held-back part, \`serializeSentimentModel\`/\`loadSentimentModel\` convert to and from this JSON.
`;
}
