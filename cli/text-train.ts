// `loupe text train --org <slug> [--language de|en]`: retrains an organization's sentiment model from its
// corrections, in this process, and prints the before/after scores on the held-back corrections.
import { parseArgs } from "node:util";
import { eq, or } from "drizzle-orm";
import { boot } from "../server/main";
import { organizations } from "../server/modules/admin/schema";
import { textModels } from "../server/modules/text/schema";
import { trainOrganizationModel } from "../server/modules/text/service/training";
import { loadConfig } from "../server/platform/config";

export async function runTextTrain(argv: string[]): Promise<number> {
	const { values } = parseArgs({
		args: argv,
		options: { org: { type: "string" }, language: { type: "string", default: "de" } },
	});
	if (!values.org || !["de", "en"].includes(values.language ?? "")) {
		console.error("usage: loupe text train --org <organization slug or id> [--language de|en]");
		return 2;
	}
	const runtime = await boot({ ...loadConfig(), logLevel: "warn" }, { workers: false });
	try {
		const isUuid = /^[0-9a-f-]{36}$/i.test(values.org);
		const [organization] = await runtime.database.db
			.select()
			.from(organizations)
			.where(
				isUuid
					? or(eq(organizations.id, values.org), eq(organizations.slug, values.org))
					: eq(organizations.slug, values.org),
			);
		if (!organization) {
			console.error(`No organization ${values.org}`);
			return 2;
		}
		const [row] = await runtime.database.db
			.insert(textModels)
			.values({ organizationId: organization.id, language: values.language ?? "de", status: "training" })
			.returning({ id: textModels.id });
		if (!row) throw new Error("model row not written");
		const done = await trainOrganizationModel(runtime.database.db, row.id);
		if (!done) return 1;
		if (done.status === "failed") {
			console.error(done.error);
			return 1;
		}
		const m = done.metrics;
		console.log(
			`${organization.name} · ${done.language} · ${done.examples} corrections used, ${m?.heldOut ?? 0} held back`,
		);
		console.log(`before: accuracy ${m?.before.accuracy} macro-F1 ${m?.before.macroF1}`);
		console.log(`after:  accuracy ${m?.after.accuracy} macro-F1 ${m?.after.macroF1}`);
		console.log(
			done.status === "active" ? "switched to the new model" : "kept the model in use (the new one was worse)",
		);
		return 0;
	} finally {
		await runtime.stop();
	}
}
