ALTER TABLE "project_flag_rules" ADD COLUMN "land_to_start_statutory_days" smallint DEFAULT 107 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_flag_rules" ADD COLUMN "land_to_start_promised_days" smallint;--> statement-breakpoint
ALTER TABLE "project_flag_rules" ADD COLUMN "immediate_start_days" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_land_standards" ADD COLUMN "output_per_mu_promised" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "project_phases" ADD COLUMN "stage" text DEFAULT 'planning' NOT NULL;--> statement-breakpoint
ALTER TABLE "project_phases" ADD COLUMN "invested_yuan" bigint;--> statement-breakpoint
ALTER TABLE "project_phases" ADD COLUMN "land_on" date;--> statement-breakpoint
ALTER TABLE "project_phases" ADD COLUMN "production_on" date;--> statement-breakpoint
ALTER TABLE "project_phases" ADD COLUMN "land_to_start_workdays" smallint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "land_to_start_workdays" smallint;--> statement-breakpoint
CREATE INDEX "project_phases_zone_land_start_idx" ON "project_phases" USING btree ("zone_id","land_to_start_workdays") WHERE "project_phases"."land_to_start_workdays" is not null;--> statement-breakpoint
ALTER TABLE "project_phases" ADD CONSTRAINT "project_phases_money_nonneg" CHECK (coalesce("project_phases"."investment_yuan", 0) >= 0 and coalesce("project_phases"."invested_yuan", 0) >= 0);--> statement-breakpoint
-- Phases saved before they had a stage: the furthest stage their actual dates show.
UPDATE "project_phases" SET "stage" = CASE WHEN "actual_end_on" IS NOT NULL THEN 'completed' WHEN "actual_start_on" IS NOT NULL THEN 'started' ELSE 'planning' END;
