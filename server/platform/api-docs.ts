// A self-contained HTML reference of the API, rendered from the OpenAPI document (no CDN, works offline).
type Schema = Record<string, unknown>;
type Operation = {
	summary?: string;
	tags?: string[];
	parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
	requestBody?: { content?: Record<string, { schema?: Schema }> };
	responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = {
	info: { title: string; version: string; description?: string };
	paths?: Record<string, Record<string, Operation>>;
};

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch);

const describeSchema = (schema: Schema | undefined) =>
	schema ? `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>` : "";

function renderOperation(method: string, path: string, op: Operation): string {
	const params = (op.parameters ?? [])
		.map(
			(p) =>
				`<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""}) ${escapeHtml(String(p.schema?.type ?? ""))}</li>`,
		)
		.join("");
	const body = op.requestBody?.content?.["application/json"]?.schema;
	const responses = Object.entries(op.responses ?? {})
		.map(([status, r]) => {
			const schema = r.content?.["application/json"]?.schema;
			return `<li><b>${status}</b> ${escapeHtml(r.description ?? "")}${schema ? `<details><summary>body</summary>${describeSchema(schema)}</details>` : ""}</li>`;
		})
		.join("");
	return `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? "")}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}
${body ? `<h4>Request body</h4><details open><summary>JSON</summary>${describeSchema(body)}</details>` : ""}
<h4>Responses</h4><ul>${responses}</ul></section>`;
}

export function renderApiDocs(doc: Document): string {
	const byTag = new Map<string, string[]>();
	for (const [path, methods] of Object.entries(doc.paths ?? {})) {
		for (const [method, op] of Object.entries(methods)) {
			const tag = op.tags?.[0] ?? "Other";
			byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
		}
	}
	const toc = [...byTag.keys()]
		.map((tag) => `<a href="#${encodeURIComponent(tag)}">${escapeHtml(tag)}</a>`)
		.join(" · ");
	const sections = [...byTag.entries()]
		.map(([tag, ops]) => `<h2 id="${encodeURIComponent(tag)}">${escapeHtml(tag)}</h2>${ops.join("")}`)
		.join("");
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
code,pre{font-family:ui-monospace,monospace}pre{background:#f4f5f7;padding:.75rem;overflow:auto;border-radius:6px;font-size:13px}
.op{border:1px solid #e3e5e8;border-radius:8px;padding:.25rem 1rem;margin:1rem 0}.m{display:inline-block;min-width:4.5em;font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#555;text-align:center}
.get{background:#1c7ed6}.post{background:#2f9e44}.patch{background:#e8590c}.put{background:#9c36b5}.delete{background:#e03131}h4{margin:.5rem 0 .25rem}</style></head>
<body><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p><nav>${toc}</nav>${sections}</body></html>`;
}
