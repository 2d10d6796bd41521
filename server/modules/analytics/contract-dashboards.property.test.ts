// Property tests of the widget and alert-rule contracts: any input is either refused or parsed into a configuration
// that parses again unchanged (what is stored is always readable), and webhook signatures verify exactly.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CreateAlertRuleInput } from "./contract-alerts";
import { CreateDashboardInput, Widget } from "./contract-dashboards";
import { webhookSignature } from "./service/alert-notify";

const kinds = fc.constantFrom(
	"kpi",
	"series",
	"journey_heatmap",
	"pain_points",
	"alerts",
	"volume",
	"themes",
	"case_metrics",
	"pie",
);
const widgetLike = fc.record(
	{
		id: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,40}$/), fc.string()),
		kind: kinds,
		metric: fc.constantFrom("nps", "csat", "ces", "responses", "score", "loyalty"),
		periodDays: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double()),
		interval: fc.constantFrom("day", "week", "month", "year"),
		target: fc.oneof(fc.double({ noNaN: true }), fc.integer()),
		limit: fc.integer({ min: -1, max: 30 }),
		size: fc.constantFrom("small", "medium", "large", "huge"),
		filter: fc.record({ touchpointIds: fc.array(fc.uuid(), { maxLength: 3 }) }, { requiredKeys: [] }),
	},
	{ requiredKeys: ["id", "kind"] },
);

describe("dashboard contracts", () => {
	it("parse any widget-like input into a widget that parses again to itself, or refuse it", () => {
		fc.assert(
			fc.property(fc.oneof(widgetLike, fc.anything()), (input) => {
				const parsed = Widget.safeParse(input);
				if (!parsed.success) return;
				expect(Widget.parse(JSON.parse(JSON.stringify(parsed.data)))).toEqual(parsed.data);
			}),
			{ numRuns: 2000 },
		);
	});

	it("refuse dashboards with duplicate widget ids", () => {
		fc.assert(
			fc.property(fc.array(widgetLike, { minLength: 2, maxLength: 6 }), (widgets) => {
				const parsed = CreateDashboardInput.safeParse({ name: "x", widgets });
				if (!parsed.success) return;
				expect(new Set(parsed.data.widgets.map((w) => w.id)).size).toBe(parsed.data.widgets.length);
			}),
		);
	});

	it("accept only http(s) webhook URLs and FDRs in (0, 0.2]", () => {
		fc.assert(
			fc.property(
				fc.webUrl({ validSchemes: ["http", "https", "ftp", "file"] }),
				fc.double({ min: -1, max: 1, noNaN: true }),
				(url, fdr) => {
					const parsed = CreateAlertRuleInput.safeParse({
						name: "r",
						kind: "nps_drop",
						fdr,
						channels: { webhookUrl: url },
					});
					if (parsed.success) {
						expect(/^https?:/.test(parsed.data.channels.webhookUrl ?? "")).toBe(true);
						expect(parsed.data.fdr > 0 && parsed.data.fdr <= 0.2).toBe(true);
					}
				},
			),
		);
	});

	it("signs webhook bodies so that exactly the same timestamp, body and secret verify", () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 0, max: 2 ** 31 }), (secret, body, t) => {
				const header = webhookSignature(secret, body, t);
				const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
				expect(header).toBe(`t=${t},v1=${expected}`);
				expect(webhookSignature(secret, `${body} `, t)).not.toBe(header);
			}),
		);
	});
});
