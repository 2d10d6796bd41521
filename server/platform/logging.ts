// JSON logs with pino; tests and CLI text commands pass "silent".
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
	return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
