// The new part of an email reply: mail clients append the message they answer ("> …" lines, an attribution line
// such as "On Mon, … wrote:" / "Am … schrieb …:", Outlook's "-----Original Message-----" or a From:/Von: header
// block) and a signature after "-- ". What comes before the first of those is what the customer wrote now.

const ATTRIBUTION = [
	/^On\b.{0,200}\bwrote:?\s*$/i,
	/^Am\b.{0,200}\bschrieb\b.{0,200}:?\s*$/i,
	/^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}\s*$/i,
	/^_{10,}\s*$/,
];
const HEADER_BLOCK = /^(From|Von):\s.+$/i;
const HEADER_NEXT = /^(Sent|Gesendet|Date|Datum|To|An|Subject|Betreff):\s/i;

/** The reply without the quoted earlier message and the signature; trimmed. Never longer than the input. */
export function stripQuotedText(text: string): string {
	const lines = text.replace(/\r\n?/g, "\n").split("\n");
	let end = lines.length;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? "";
		const trimmed = line.trim();
		const next = (lines[i + 1] ?? "").trim();
		// Some clients wrap a long attribution over two lines: "On Mon, 3 Jun 2026, Support" / "<x@y> wrote:".
		const isWrappedAttribution = /^(On|Am)\s/i.test(trimmed) && /\b(wrote|schrieb)\b.{0,40}:\s*$/i.test(next);
		if (
			line === "-- " ||
			trimmed.startsWith(">") ||
			ATTRIBUTION.some((pattern) => pattern.test(trimmed)) ||
			isWrappedAttribution ||
			(HEADER_BLOCK.test(trimmed) && HEADER_NEXT.test(next))
		) {
			end = i;
			break;
		}
	}
	return lines.slice(0, end).join("\n").trim();
}
