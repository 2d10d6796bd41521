// Child process for the kill test: opens PGlite on a data dir and commits numbered rows one by one,
// printing each number only after its commit returned.
import { openPglite } from "../platform/db";
import { migrateDatabase } from "../platform/migrate";

const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error("usage: pglite-writer <dataDir> <run>");
const database = await openPglite({ dataDir: dir });
await migrateDatabase(database);
for (let n = 1; ; n++) {
	await database.executeSql("insert into organizations (name, slug) values ($1, $2)", [
		`Org ${run}-${n}`,
		`org-${run}-${n}`,
	]);
	process.stdout.write(`${n}\n`);
}
