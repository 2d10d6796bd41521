// The reply template language: known variables are filled, fallbacks used for missing values, unknown names
// reported (and left alone when rendering), and nothing else in a template is ever touched.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPLY_VARIABLES, renderReplyTemplate, unknownVariables } from "./reply-template";

describe("reply templates", () => {
	it("fills variables, with fallbacks for missing values", () => {
		const template = "Hallo {{customer.name}}, Fall #{{ case.number }} – {{ touchpoint.name | unser Service }}";
		expect(renderReplyTemplate(template, { "customer.name": "Erika", "case.number": "12" })).toBe(
			"Hallo Erika, Fall #12 – unser Service",
		);
		expect(renderReplyTemplate("Hi {{ customer.name | there }}!", { "customer.name": "" })).toBe("Hi there!");
		expect(renderReplyTemplate("Hi {{customer.name}}!", {})).toBe("Hi !");
	});

	it("reports unknown names and leaves them in the text", () => {
		expect(unknownVariables("{{ customer.name }} {{ customer.password }} {{x}} {{  }}")).toEqual([
			"customer.password",
			"x",
			"",
		]);
		expect(renderReplyTemplate("{{ secret }}", {})).toBe("{{ secret }}");
		expect(unknownVariables("no placeholders { here } }} {{")).toEqual([]);
	});

	it("inserts values verbatim, never re-expanding placeholders inside them (property)", () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (value, text) => {
				const template = `${text.replace(/[{}]/g, "")}{{ customer.name }}`;
				const rendered = renderReplyTemplate(template, { "customer.name": value || "x" });
				expect(rendered).toBe(`${text.replace(/[{}]/g, "")}${value || "x"}`);
			}),
		);
	});

	it("a template without braces is returned unchanged and is valid (property)", () => {
		fc.assert(
			fc.property(fc.string(), (raw) => {
				const text = raw.replace(/[{}]/g, "");
				expect(renderReplyTemplate(text, { "customer.name": "A" })).toBe(text);
				expect(unknownVariables(text)).toEqual([]);
			}),
		);
	});

	it("every documented variable is accepted", () => {
		for (const name of REPLY_VARIABLES) expect(unknownVariables(`{{ ${name} }}`)).toEqual([]);
	});
});
