ALTER TABLE "behaviour_page_days" DROP COLUMN "lcp_hist";--> statement-breakpoint
ALTER TABLE "behaviour_page_days" DROP COLUMN "inp_hist";--> statement-breakpoint
ALTER TABLE "behaviour_page_days" DROP COLUMN "cls_hist";--> statement-breakpoint
ALTER TABLE "behaviour_page_days" DROP COLUMN "ttfb_hist";--> statement-breakpoint
ALTER TABLE "behaviour_page_days" DROP COLUMN "load_hist";