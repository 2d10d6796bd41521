// The global the lazy-loaded survey script registers, which the triggers in /loupe.js call when a survey is due.
import type { WidgetHost } from "../triggers";
import type { WidgetSurvey } from "./rules";

export type SurveyGlobal = { open: (host: WidgetHost, survey: WidgetSurvey) => void };
export type WindowWithSurvey = Window & { __loupeSurvey?: SurveyGlobal };
