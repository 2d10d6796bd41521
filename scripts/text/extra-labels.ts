// Reads a company's own labelled feedback for retraining: CSV or TSV with a header that has
// `text` and `label` (positive|neutral|negative) and optionally `language` (de|en).
import fs from "node:fs";
import type { SentimentLabel } from "../../lib/text/sentiment";
import { parseCsv } from "./datasets";

export type ExtraLabel = { text: string; label: SentimentLabel; language: string | undefined };

const labelAliases: Record<string, SentimentLabel> = {
	positive: "positive",
	positiv: "positive",
	pos: "positive",
	neutral: "neutral",
	neu: "neutral",
	negative: "negative",
	negativ: "negative",
	neg: "negative",
};

export function readExtraLabels(file: string): ExtraLabel[] {
	const content = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
	const firstLine = content.slice(0, content.indexOf("\n") >>> 0);
	const rows = firstLine.includes("\t") ? content.split(/\r?\n/).map((line) => line.split("\t")) : parseCsv(content);
	const [header, ...body] = rows;
	const columns = (header ?? []).map((h) => h.trim().toLowerCase());
	const textColumn = columns.indexOf("text");
	const labelColumn = columns.indexOf("label");
	const languageColumn = columns.indexOf("language");
	if (textColumn < 0 || labelColumn < 0) throw new Error(`${file}: the header needs "text" and "label" columns`);
	const labels: ExtraLabel[] = [];
	body.forEach((row, i) => {
		const text = row[textColumn]?.trim() ?? "";
		if (text === "") return;
		const label = labelAliases[(row[labelColumn] ?? "").trim().toLowerCase()];
		if (label === undefined) throw new Error(`${file}:${i + 2}: label must be positive, neutral or negative`);
		const language = languageColumn >= 0 ? row[languageColumn]?.trim().toLowerCase() || undefined : undefined;
		labels.push({ text, label, language });
	});
	return labels;
}
