ALTER TABLE "mentions" ADD COLUMN "text_redacted" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "analysis_corrected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "text_language" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "comment_redacted" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "analysis_corrected" boolean DEFAULT false NOT NULL;