DROP INDEX "progress_reports_project_period_key";--> statement-breakpoint
ALTER TABLE "project_annual_plans" DROP CONSTRAINT "project_annual_plans_project_id_year_pk";--> statement-breakpoint
ALTER TABLE "project_annual_plans" ADD CONSTRAINT "project_annual_plans_project_id_year_zone_id_pk" PRIMARY KEY("project_id","year","zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_project_period_key" ON "progress_reports" USING btree ("project_id","period_start","zone_id");