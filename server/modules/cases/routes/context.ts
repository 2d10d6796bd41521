// The case service context of a request: the usual context plus the live bus (case events for open inboxes).
import type { Context } from "hono";
import type { Permission } from "../../../platform/auth/roles";
import { type AppEnv, ctxOf } from "../../../platform/http";
import type { CaseCtx } from "../service/live";

export const caseCtxOf = (c: Context<AppEnv>, permission: Permission): CaseCtx => ({
	...ctxOf(c, permission),
	live: c.get("services").live,
});
