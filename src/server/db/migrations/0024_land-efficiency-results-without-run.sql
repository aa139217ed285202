ALTER TABLE "land_efficiency_results" DROP CONSTRAINT "land_efficiency_results_run_id_land_efficiency_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "land_efficiency_results" DROP COLUMN "run_id";