// Readers for the shared research data sets (GermEval 2017, SB10k, US airline tweets).
import fs from "node:fs";
import path from "node:path";
import type { SentimentLabel } from "../../lib/text/sentiment";

export type LabelledText = { text: string; label: SentimentLabel; source: string };
export type GermEvalDoc = LabelledText & { relevant: boolean; aspects: string[] };

function asLabel(value: string | undefined, where: string): SentimentLabel {
	if (value === "positive" || value === "neutral" || value === "negative") return value;
	throw new Error(`${where}: unexpected sentiment label ${JSON.stringify(value)}`);
}

export function readGermEval(file: string): GermEvalDoc[] {
	const name = path.basename(file);
	return fs
		.readFileSync(file, "utf8")
		.split("\n")
		.filter((line) => line.trim() !== "")
		.map((line, i) => {
			const [, text = "", relevance, sentiment, aspects = ""] = line.split("\t");
			return {
				text,
				label: asLabel(sentiment, `${name}:${i + 1}`),
				relevant: relevance === "true",
				aspects: aspects.split(" ").filter((a) => a !== ""),
				source: name,
			};
		});
}

export function readSb10k(file: string): LabelledText[] {
	return fs
		.readFileSync(file, "utf8")
		.split("\n")
		.filter((line) => line.trim() !== "")
		.map((line, i) => {
			const [, sentiment, text = ""] = line.split("\t");
			return { text, label: asLabel(sentiment, `sb10k:${i + 1}`), source: "sb10k" };
		});
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(content: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = "";
	let quoted = false;
	for (let i = 0; i < content.length; i++) {
		const c = content[i];
		if (quoted) {
			if (c === '"' && content[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ",") {
			row.push(field);
			field = "";
		} else if (c === "\n" || c === "\r") {
			if (c === "\r" && content[i + 1] === "\n") i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
		} else field += c;
	}
	if (field !== "" || row.length > 0) rows.push([...row, field]);
	return rows;
}

export function readAirline(file: string): LabelledText[] {
	const [header, ...rows] = parseCsv(fs.readFileSync(file, "utf8"));
	if (!header) return [];
	const textColumn = header.indexOf("text");
	const labelColumn = header.indexOf("airline_sentiment");
	return rows
		.filter((row) => row.length > textColumn)
		.map((row, i) => ({
			text: row[textColumn] ?? "",
			label: asLabel(row[labelColumn], `airline:${i + 2}`),
			source: path.basename(file),
		}));
}

export type SharedData = {
	germevalDev: GermEvalDoc[];
	germevalTrial: GermEvalDoc[];
	sb10k: LabelledText[];
	airlineTrain: LabelledText[];
	airlineDev: LabelledText[];
};

export function readSharedData(dataDir: string): SharedData {
	return {
		germevalDev: readGermEval(path.join(dataDir, "germeval2017/dev-2017-09-15.tsv")),
		germevalTrial: readGermEval(path.join(dataDir, "germeval2017/trial.tsv")),
		sb10k: readSb10k(path.join(dataDir, "sb10k/sb10k.tsv")),
		airlineTrain: readAirline(path.join(dataDir, "twitter-airline-sentiment/train.csv")),
		airlineDev: readAirline(path.join(dataDir, "twitter-airline-sentiment/dev.csv")),
	};
}
