CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"invested_yuan" bigint NOT NULL,
	"percent_complete" numeric(5, 2),
	"progress_text" text,
	"problems" text,
	"reported_by_id" uuid,
	"reported_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_nonneg" CHECK ("progress_reports"."invested_yuan" >= 0),
	CONSTRAINT "progress_reports_percent" CHECK ("progress_reports"."percent_complete" is null or ("progress_reports"."percent_complete" >= 0 and "progress_reports"."percent_complete" <= 100))
);
--> statement-breakpoint
CREATE TABLE "project_annual_plans" (
	"project_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"plan_yuan" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_annual_plans_project_id_year_pk" PRIMARY KEY("project_id","year"),
	CONSTRAINT "project_annual_plans_nonneg" CHECK ("project_annual_plans"."plan_yuan" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"sort_order" smallint NOT NULL,
	"name" text NOT NULL,
	"agency" text,
	"statutory_days" smallint,
	"promised_days" smallint,
	"agent_user_id" uuid,
	"filed_on" date,
	"granted_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_flag_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid,
	"milestone_yellow_days" smallint NOT NULL,
	"milestone_red_days" smallint NOT NULL,
	"investment_yellow_points" smallint NOT NULL,
	"investment_red_points" smallint NOT NULL,
	"missing_report_flag" text NOT NULL,
	"report_grace_days" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_land_standards" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"zone_id" uuid NOT NULL,
	"investment_intensity_promised" numeric(12, 2),
	"investment_intensity_achieved" numeric(12, 2),
	"tax_per_mu_promised" numeric(12, 2),
	"tax_per_mu_achieved" numeric(12, 2),
	"floor_area_ratio_promised" numeric(6, 2),
	"floor_area_ratio_achieved" numeric(6, 2),
	"energy_per_output_promised" numeric(10, 4),
	"energy_per_output_achieved" numeric(10, 4),
	"assessed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"sort_order" smallint NOT NULL,
	"name" text NOT NULL,
	"stage" text,
	"planned_on" date,
	"actual_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"sort_order" smallint NOT NULL,
	"name" text NOT NULL,
	"investment_yuan" bigint,
	"content" text,
	"planned_start_on" date,
	"planned_end_on" date,
	"actual_start_on" date,
	"actual_end_on" date
);
--> statement-breakpoint
CREATE TABLE "project_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"report_id" uuid,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"caption" text,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"on" date NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid,
	"milestones" jsonb NOT NULL,
	"approvals" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"park_id" uuid,
	"name" text NOT NULL,
	"investor_enterprise_id" uuid,
	"sector_text" text,
	"chain_link_text" text,
	"nature" text DEFAULT 'new' NOT NULL,
	"level" text DEFAULT 'none' NOT NULL,
	"total_investment_yuan" bigint NOT NULL,
	"fixed_asset_investment_yuan" bigint,
	"construction_content" text,
	"land_mu" numeric(12, 2),
	"floor_area_m2" numeric(14, 2),
	"capacity_amount" numeric(16, 4),
	"capacity_unit" text,
	"planned_start_year" smallint,
	"planned_end_year" smallint,
	"expected_output_yuan" bigint,
	"expected_tax_yuan" bigint,
	"jobs" integer,
	"stage" text DEFAULT 'planning' NOT NULL,
	"stage_entered_on" date NOT NULL,
	"signed_on" date,
	"land_on" date,
	"start_on" date,
	"completed_on" date,
	"production_on" date,
	"full_production_on" date,
	"leader_user_id" uuid,
	"department_id" uuid,
	"officer_user_id" uuid,
	"task_force" text,
	"lead_id" uuid,
	"invested_total_yuan" bigint DEFAULT 0 NOT NULL,
	"ytd_year" smallint,
	"ytd_yuan" bigint DEFAULT 0 NOT NULL,
	"annual_plan_yuan" bigint,
	"percent_complete" numeric(5, 2),
	"last_report_period_start" date,
	"flag" text DEFAULT 'green' NOT NULL,
	"flag_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flag_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_money_nonneg" CHECK ("projects"."total_investment_yuan" >= 0 and coalesce("projects"."fixed_asset_investment_yuan", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_annual_plans" ADD CONSTRAINT "project_annual_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_annual_plans" ADD CONSTRAINT "project_annual_plans_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_flag_rules" ADD CONSTRAINT "project_flag_rules_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_land_standards" ADD CONSTRAINT "project_land_standards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_land_standards" ADD CONSTRAINT "project_land_standards_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_phases" ADD CONSTRAINT "project_phases_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_phases" ADD CONSTRAINT "project_phases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_photos" ADD CONSTRAINT "project_photos_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_photos" ADD CONSTRAINT "project_photos_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_photos" ADD CONSTRAINT "project_photos_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_events" ADD CONSTRAINT "project_stage_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_events" ADD CONSTRAINT "project_stage_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_templates" ADD CONSTRAINT "project_templates_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_investor_enterprise_id_enterprises_id_fk" FOREIGN KEY ("investor_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_officer_user_id_users_id_fk" FOREIGN KEY ("officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_project_period_key" ON "progress_reports" USING btree ("project_id","period_start");--> statement-breakpoint
CREATE INDEX "progress_reports_zone_period_idx" ON "progress_reports" USING btree ("zone_id","period_start");--> statement-breakpoint
CREATE INDEX "project_approvals_project_idx" ON "project_approvals" USING btree ("project_id","sort_order");--> statement-breakpoint
CREATE INDEX "project_approvals_agent_idx" ON "project_approvals" USING btree ("agent_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_flag_rules_zone_key" ON "project_flag_rules" USING btree (coalesce("zone_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","sort_order");--> statement-breakpoint
CREATE INDEX "project_milestones_open_idx" ON "project_milestones" USING btree ("zone_id","planned_on") WHERE "project_milestones"."actual_on" is null;--> statement-breakpoint
CREATE INDEX "project_phases_project_idx" ON "project_phases" USING btree ("project_id","sort_order");--> statement-breakpoint
CREATE INDEX "project_photos_project_idx" ON "project_photos" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_stage_events_project_idx" ON "project_stage_events" USING btree ("project_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_templates_zone_key" ON "project_templates" USING btree (coalesce("zone_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "projects_zone_updated_idx" ON "projects" USING btree ("zone_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "projects_zone_flag_idx" ON "projects" USING btree ("zone_id","flag");--> statement-breakpoint
CREATE INDEX "projects_zone_stage_idx" ON "projects" USING btree ("zone_id","stage");--> statement-breakpoint
CREATE INDEX "projects_zone_park_idx" ON "projects" USING btree ("zone_id","park_id");--> statement-breakpoint
CREATE INDEX "projects_leader_idx" ON "projects" USING btree ("leader_user_id");--> statement-breakpoint
CREATE INDEX "projects_officer_idx" ON "projects" USING btree ("officer_user_id");--> statement-breakpoint
CREATE INDEX "projects_department_idx" ON "projects" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "projects_flag_on_idx" ON "projects" USING btree ("flag_on");--> statement-breakpoint
CREATE INDEX "projects_lead_idx" ON "projects" USING btree ("lead_id") WHERE "projects"."lead_id" is not null;--> statement-breakpoint
CREATE INDEX "projects_investor_idx" ON "projects" USING btree ("investor_enterprise_id");