// CSV and XLSX exports of the explorer's filter set, streamed batch by batch (never all rows in memory).
// Text cells that a spreadsheet would run as a formula are neutralised (OWASP "CSV injection").
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { redactPii } from "../../../../lib/text/pii";
import type { Ctx } from "../../../platform/context";
import { findTouchpointNames } from "../../journey/service/load";
import type { SurveyContent } from "../../surveys/contract";
import {
	findSurveysByIds,
	findSurveyVersionsByIds,
	getCurrentVersion,
	getSurveyInOrg,
} from "../../surveys/service/load";
import { getTextSettings } from "../../text/service/settings";
import type { ResponseExportQuery } from "../contract";
import { displayAnswer } from "./detail";
import { type ResponseRow, responseBatches } from "./explore";

/** A leading = + - @ tab or CR makes spreadsheets evaluate the cell; a leading ' makes it plain text. */
export function safeCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | null;

/** Turns batches of rows into export lines, looking up names once per survey, version and touchpoint. */
async function rowMapper(ctx: Ctx, query: ResponseExportQuery) {
	// Free text may carry e-mail addresses, phone numbers, IBANs…: masked when the organization says so.
	const { redactPii: isRedacting } = await getTextSettings(ctx.db, ctx.organizationId);
	const masked = (value: string | null | undefined) => (isRedacting && value ? redactPii(value).text : value);
	let questionColumns: SurveyContent["questions"] = [];
	if (query.surveyId) {
		const survey = await getSurveyInOrg(ctx.db, ctx.organizationId, query.surveyId);
		questionColumns = (await getCurrentVersion(ctx.db, survey)).content.questions;
	}
	const header = [
		"response_id",
		"submitted_at",
		"completed_at",
		"completed",
		"survey",
		"survey_version",
		"touchpoint",
		"channel",
		"language",
		"score_type",
		"score",
		"score_group",
		"comment",
		"sentiment",
		"hidden_fields",
		"answers",
		...questionColumns.map((q) => `q_${q.id}`),
	];
	const surveyNames = new Map<string, string>();
	const versions = new Map<string, { version: number; content: SurveyContent }>();
	const touchpointNames = new Map<string, string>();

	async function lines(batch: ResponseRow[]): Promise<Cell[][]> {
		const missing = <T>(ids: string[], known: Map<string, T>) => [...new Set(ids)].filter((id) => !known.has(id));
		for (const [id, s] of await findSurveysByIds(
			ctx.db,
			ctx.organizationId,
			missing(
				batch.map((r) => r.surveyId),
				surveyNames,
			),
		)) {
			surveyNames.set(id, s.name);
		}
		const newVersions = missing(
			batch.map((r) => r.surveyVersionId),
			versions,
		);
		for (const [id, v] of await findSurveyVersionsByIds(ctx.db, ctx.organizationId, newVersions)) versions.set(id, v);
		const newTouchpoints = missing(
			batch.map((r) => r.touchpointId),
			touchpointNames,
		);
		for (const [id, name] of await findTouchpointNames(ctx.db, ctx.organizationId, newTouchpoints)) {
			touchpointNames.set(id, name);
		}
		return batch.map((row) => {
			const version = versions.get(row.surveyVersionId);
			const text = (value: string | null | undefined): Cell =>
				value === null || value === undefined ? null : safeCell(value);
			return [
				row.id,
				row.submittedAt.toISOString(),
				row.completedAt?.toISOString() ?? null,
				row.completed ? "true" : "false",
				text(surveyNames.get(row.surveyId)),
				version?.version ?? null,
				text(touchpointNames.get(row.touchpointId)),
				row.channel,
				row.language,
				row.scoreType,
				row.score,
				row.scoreGroup,
				text(masked(row.comment)),
				row.sentiment,
				text(JSON.stringify(row.hiddenFields)),
				text(masked(JSON.stringify(row.answers))),
				...questionColumns.map((q) => text(masked(displayAnswer(q, row.answers[q.id], row.language)))),
			];
		});
	}
	return { header, lines };
}

export async function exportResponsesCsv(ctx: Ctx, query: ResponseExportQuery): Promise<ReadableStream<Uint8Array>> {
	const { header, lines } = await rowMapper(ctx, query);
	const batches = responseBatches(ctx, query);
	const encoder = new TextEncoder();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				// The byte order mark makes Excel read the file as UTF-8 (umlauts).
				controller.enqueue(encoder.encode(`\uFEFF${stringify([header])}`));
				return;
			}
			const next = await batches.next();
			if (next.done) {
				controller.close();
				return;
			}
			controller.enqueue(encoder.encode(stringify(await lines(next.value))));
		},
		async cancel() {
			await batches.return(undefined);
		},
	});
}

export async function exportResponsesXlsx(ctx: Ctx, query: ResponseExportQuery): Promise<ReadableStream<Uint8Array>> {
	const { header, lines } = await rowMapper(ctx, query);
	const output = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: output,
		useStyles: false,
		useSharedStrings: false,
	});
	const sheet = workbook.addWorksheet("Responses");
	sheet.addRow(header).commit();
	const write = async () => {
		for await (const batch of responseBatches(ctx, query)) {
			for (const line of await lines(batch)) sheet.addRow(line).commit();
			// Waits for the reader to catch up before the next batch (back-pressure).
			if (output.writableNeedDrain) await once(output, "drain");
		}
		sheet.commit();
		await workbook.commit();
	};
	write().catch((error: unknown) => {
		ctx.log.error({ err: error }, "xlsx export failed");
		output.destroy(error instanceof Error ? error : new Error(String(error)));
	});
	return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
