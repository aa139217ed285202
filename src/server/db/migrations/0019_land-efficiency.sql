CREATE TABLE "land_efficiency_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"indicators" jsonb NOT NULL,
	"class_method" text NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"shares" jsonb NOT NULL,
	"min_land_mu" numeric(12, 2) DEFAULT 0 NOT NULL,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "land_efficiency_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"land_mu" numeric(12, 2),
	"tax_yuan" numeric(20, 0),
	"value_added_yuan" numeric(20, 0),
	"indicator_values" jsonb NOT NULL,
	"indicator_scores" jsonb NOT NULL,
	"score" numeric(8, 2),
	"rank" integer,
	"grade" text,
	"missing" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "land_efficiency_results_grade_complete" CHECK (("land_efficiency_results"."grade" is null) = ("land_efficiency_results"."score" is null))
);
--> statement-breakpoint
CREATE TABLE "land_efficiency_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"config" jsonb NOT NULL,
	"benchmarks" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"enterprise_count" integer NOT NULL,
	"run_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_yearly_figures" DROP CONSTRAINT "enterprise_yearly_figures_nonneg";--> statement-breakpoint
ALTER TABLE "enterprise_yearly_figures" ADD COLUMN "value_added_yuan" bigint;--> statement-breakpoint
ALTER TABLE "land_efficiency_configs" ADD CONSTRAINT "land_efficiency_configs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_configs" ADD CONSTRAINT "land_efficiency_configs_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_results" ADD CONSTRAINT "land_efficiency_results_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_results" ADD CONSTRAINT "land_efficiency_results_run_id_land_efficiency_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."land_efficiency_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_results" ADD CONSTRAINT "land_efficiency_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_runs" ADD CONSTRAINT "land_efficiency_runs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_runs" ADD CONSTRAINT "land_efficiency_runs_run_by_id_users_id_fk" FOREIGN KEY ("run_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "land_efficiency_configs_zone_year_key" ON "land_efficiency_configs" USING btree ("zone_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "land_efficiency_results_zone_year_enterprise_key" ON "land_efficiency_results" USING btree ("zone_id","year","enterprise_id");--> statement-breakpoint
CREATE INDEX "land_efficiency_results_zone_year_grade_idx" ON "land_efficiency_results" USING btree ("zone_id","year","grade");--> statement-breakpoint
CREATE INDEX "land_efficiency_results_enterprise_idx" ON "land_efficiency_results" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "land_efficiency_runs_zone_year_idx" ON "land_efficiency_runs" USING btree ("zone_id","year","created_at");--> statement-breakpoint
ALTER TABLE "enterprise_yearly_figures" ADD CONSTRAINT "enterprise_yearly_figures_nonneg" CHECK (coalesce("enterprise_yearly_figures"."output_yuan", 0) >= 0 and coalesce("enterprise_yearly_figures"."revenue_yuan", 0) >= 0 and coalesce("enterprise_yearly_figures"."tax_yuan", 0) >= 0 and coalesce("enterprise_yearly_figures"."land_mu", 0) >= 0
        and coalesce("enterprise_yearly_figures"."energy_tce", 0) >= 0 and coalesce("enterprise_yearly_figures"."emissions_tonnes", 0) >= 0 and coalesce("enterprise_yearly_figures"."employees", 0) >= 0 and coalesce("enterprise_yearly_figures"."rnd_yuan", 0) >= 0
        and coalesce("enterprise_yearly_figures"."value_added_yuan", 0) >= 0);