// `loupe text …`: sentiment and full analysis of one text per input line, for shell pipelines
// and independent checks. stdout carries exactly one result per input line; notes go to stderr.
import { StringDecoder } from "node:string_decoder";
import { parseArgs } from "node:util";
import { analyzeText, type TextModels } from "../lib/text/analyze";
import { detectLanguage } from "../lib/text/language";
import { normalizeInput } from "../lib/text/normalize";
import { redactPii } from "../lib/text/pii";
import { classifySentiment } from "../lib/text/sentiment";
import { loadShippedModels, shippedModelsDir } from "../server/modules/text/service/models";

const usage = `usage: loupe text <command> [options] < lines
  sentiment [--lang de|en|auto]   one label per line: positive | neutral | negative
  analyze   [--lang de|en|auto]   one JSON object per line (language, sentiment, scores, intents, themes, redacted)
  language                        one language code per line
  redact                          each line with e-mails, phones, IBANs, cards and addresses replaced
options: --fallback de   language when detection is unsure (default de)
         --models DIR    model folder (default: the shipped models/, or LOUPE_MODELS_DIR)`;

/** Reads models/sentiment-<lang>.json for every language found in the folder (the server's loader). */
export function loadTextModels(dir = shippedModelsDir()): TextModels {
	return loadShippedModels(dir);
}

/** Longest line kept; the analysis reads 5,000 characters anyway, so a 100 MB line costs no memory. */
const maxLineChars = 1_000_000;

/**
 * Splits the stream on "\n" only (a lone "\r" inside binary garbage must not create an extra
 * line) and hands over the lines of each chunk; a final line without "\n" counts too. Only the
 * new chunk is searched, so a huge line stays linear.
 */
async function forEachLines(input: NodeJS.ReadableStream, onLines: (lines: string[]) => Promise<void>): Promise<void> {
	const decoder = new StringDecoder("utf8");
	let pending = "";
	const finish = (line: string) => line.replace(/\r$/, "");
	for await (const chunk of input) {
		const text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
		const lines: string[] = [];
		let from = 0;
		let newline = text.indexOf("\n");
		while (newline >= 0) {
			lines.push(finish(pending + text.slice(from, Math.min(newline, from + maxLineChars))));
			pending = "";
			from = newline + 1;
			newline = text.indexOf("\n", from);
		}
		if (pending.length < maxLineChars) pending += text.slice(from, from + maxLineChars - pending.length);
		if (lines.length > 0) await onLines(lines);
	}
	pending += decoder.end();
	if (pending !== "") await onLines([finish(pending)]);
}

async function writeRespectingBackPressure(output: NodeJS.WritableStream, chunk: string): Promise<void> {
	if (output.write(chunk)) return;
	await new Promise<void>((resolve) => {
		output.once("drain", () => resolve());
		output.once("error", () => resolve());
	});
}

export async function runTextCommand(
	argv: string[],
	input: NodeJS.ReadableStream,
	output: NodeJS.WritableStream,
): Promise<number> {
	let parsed: ReturnType<typeof parseTextArgs>;
	try {
		parsed = parseTextArgs(argv);
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n${usage}\n`);
		return 2;
	}
	const { command, lang, fallback, modelsDir } = parsed;
	if (
		command === undefined ||
		command === "help" ||
		!["sentiment", "analyze", "language", "redact"].includes(command)
	) {
		process.stderr.write(`${usage}\n`);
		return command === "help" ? 0 : 2;
	}
	let models: TextModels = {};
	if (command === "sentiment" || command === "analyze") {
		try {
			models = loadTextModels(modelsDir);
		} catch (error) {
			process.stderr.write(`loupe text: cannot load models: ${(error as Error).message}\n`);
			return 1;
		}
	}
	const preferred = Object.keys(models).length > 0 ? Object.keys(models) : ["de", "en"];
	const handle = (line: string): string => {
		try {
			switch (command) {
				case "sentiment": {
					const { text } = normalizeInput(line);
					const language = lang === "auto" ? detectLanguage(text, fallback, { preferred }).language : lang;
					const model = models[language] ?? models[fallback] ?? Object.values(models)[0];
					return model ? classifySentiment(model, text).label : "neutral";
				}
				case "analyze":
					return JSON.stringify(analyzeText(models, line, { language: lang, fallbackLanguage: fallback }));
				case "language":
					return detectLanguage(normalizeInput(line).text, fallback, { preferred }).language;
				default:
					return redactPii(normalizeInput(line, Number.MAX_SAFE_INTEGER).text).text.replace(/\n/g, " ");
			}
		} catch (error) {
			// One bad line must not shift every later answer by one: report it and answer neutrally.
			process.stderr.write(`loupe text: line skipped: ${(error as Error).message}\n`);
			return command === "analyze"
				? JSON.stringify({ error: "analysis_failed" })
				: command === "sentiment"
					? "neutral"
					: "";
		}
	};
	// A reader that goes away (`loupe text sentiment | head`) ends the run quietly, not with EPIPE.
	let outputClosed = false;
	output.on("error", () => {
		outputClosed = true;
	});
	await forEachLines(input, async (lines) => {
		if (!outputClosed) await writeRespectingBackPressure(output, `${lines.map(handle).join("\n")}\n`);
	});
	return 0;
}

function parseTextArgs(argv: string[]) {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			lang: { type: "string", default: "auto" },
			fallback: { type: "string", default: "de" },
			models: { type: "string" },
		},
	});
	const lang = values.lang ?? "auto";
	if (!/^(auto|[a-z]{2})$/.test(lang)) throw new Error(`--lang must be auto or a two-letter code, got ${lang}`);
	return { command: positionals[0], lang, fallback: values.fallback ?? "de", modelsDir: values.models };
}
