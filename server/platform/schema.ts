// Every table of every module, for Drizzle's typed queries and drizzle-kit's migration generator.
export * from "../modules/admin/schema";
export * from "../modules/analytics/schema";
export * from "../modules/analytics/schema-dashboards";
export * from "../modules/analytics/schema-drivers";
export * from "../modules/cases/schema";
export * from "../modules/cases/schema-loop";
export * from "../modules/events/schema";
export * from "../modules/journey/schema";
export * from "../modules/outreach/schema";
export * from "../modules/responses/schema";
export * from "../modules/surveys/schema";
export * from "../modules/text/schema";
export * from "./jobs/schema";
export * from "./mail/schema";
