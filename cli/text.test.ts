// `loupe text`: the line-for-line stdout contract, through runTextCommand on streams.
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTextCommand } from "./text";

async function run(argv: string[], input: string | Buffer): Promise<{ code: number; lines: string[] }> {
	const output = new PassThrough();
	const chunks: Buffer[] = [];
	output.on("data", (chunk: Buffer) => chunks.push(chunk));
	const code = await runTextCommand(argv, Readable.from([input]), output);
	const text = Buffer.concat(chunks).toString("utf8");
	return { code, lines: text === "" ? [] : text.replace(/\n$/, "").split("\n") };
}

describe("loupe text sentiment", () => {
	it("writes exactly one label per input line, in order", async () => {
		const { code, lines } = await run(
			["sentiment", "--lang", "auto"],
			"Ich bin sehr zufrieden, alles bestens!\n\nWorst flight ever, never again.\nDer Zug fährt um 10 Uhr.\n",
		);
		expect(code).toBe(0);
		expect(lines).toEqual(["positive", "neutral", "negative", "neutral"]);
	});

	it("keeps the line count on garbage, CRLF, a missing final newline and a huge line", async () => {
		const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x41, 0x0a, 0xc3, 0x28, 0x0a]);
		const { lines } = await run(
			["sentiment"],
			Buffer.concat([garbage, Buffer.from(`gut\r\n${"x".repeat(300_000)}\nlast`)]),
		);
		expect(lines).toHaveLength(5);
		for (const line of lines) expect(["positive", "neutral", "negative"]).toContain(line);
	});

	it("handles many lines", async () => {
		const input = "Alles prima\nThe flight was delayed again\n".repeat(5000);
		const { lines } = await run(["sentiment", "--lang", "auto"], input);
		expect(lines).toHaveLength(10_000);
	});

	it("rejects unknown commands and options with exit code 2", async () => {
		expect((await run(["frobnicate"], "")).code).toBe(2);
		expect((await run(["sentiment", "--lang", "klingon!"], "")).code).toBe(2);
	});
});

describe("loupe text analyze", () => {
	it("writes one JSON object per line with the documented fields", async () => {
		const { lines } = await run(["analyze"], "Die Lieferung kam zu spät! Mail: a@b.de\n\n");
		expect(lines).toHaveLength(2);
		const first = JSON.parse(lines[0] ?? "");
		expect(Object.keys(first)).toEqual(["language", "sentiment", "scores", "intents", "themes", "redacted"]);
		expect(first.themes.map((t: { theme: string }) => t.theme)).toContain("delivery");
		expect(first.redacted).toBe("Die Lieferung kam zu spät! Mail: [email]");
		expect(JSON.parse(lines[1] ?? "").sentiment).toBe("neutral");
	});
});
