// Every table of every module, for Drizzle's typed queries and drizzle-kit's migration generator.
export * from "../modules/admin/schema";
export * from "../modules/journey/schema";
export * from "./jobs/schema";
export * from "./mail/schema";
