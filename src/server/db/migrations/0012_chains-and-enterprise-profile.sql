CREATE TABLE "chain_link_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"role" text NOT NULL,
	"note" text,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_link_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"chain_id" uuid NOT NULL,
	"parent_link_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"stage" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"template_link_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_links_id_zone_key" UNIQUE("id","zone_id"),
	CONSTRAINT "chain_links_not_own_parent" CHECK ("chain_links"."parent_link_id" is null or "chain_links"."parent_link_id" <> "chain_links"."id")
);
--> statement-breakpoint
CREATE TABLE "chain_roadmap_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"chain_id" uuid NOT NULL,
	"link_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"target_region_code" char(6),
	"target_region_name" text,
	"target_enterprise_id" uuid,
	"owner_id" uuid,
	"planned_on" date,
	"planned_until" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"trip_id" uuid,
	"outcome" text,
	"lead_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_roadmap_items_dates_order" CHECK ("chain_roadmap_items"."planned_until" is null or "chain_roadmap_items"."planned_on" is null or "chain_roadmap_items"."planned_until" >= "chain_roadmap_items"."planned_on")
);
--> statement-breakpoint
CREATE TABLE "chain_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"action" text NOT NULL,
	"source" text NOT NULL,
	"enterprise_id" uuid,
	"company_name" text NOT NULL,
	"normalized_name" text NOT NULL,
	"region_code" char(6),
	"region_name" text,
	"reason" text,
	"contact" text,
	"owner_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"lead_id" uuid,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"template_key" text,
	"weak_min_enterprises" integer DEFAULT 2 NOT NULL,
	"weak_min_output_yuan" bigint DEFAULT 100000000 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chains_id_zone_key" UNIQUE("id","zone_id"),
	CONSTRAINT "chains_thresholds_nonneg" CHECK ("chains"."weak_min_enterprises" >= 0 and "chains"."weak_min_output_yuan" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enterprise_cooperations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"partner_name" text NOT NULL,
	"partner_kind" text NOT NULL,
	"other_parties" text[] DEFAULT '{}'::text[] NOT NULL,
	"signed_on" date,
	"ends_on" date,
	"note" text,
	"entered_by_id" uuid,
	"entered_in_zone_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_cooperations_dates_order" CHECK ("enterprise_cooperations"."ends_on" is null or "enterprise_cooperations"."signed_on" is null or "enterprise_cooperations"."ends_on" >= "enterprise_cooperations"."signed_on")
);
--> statement-breakpoint
CREATE TABLE "enterprise_honours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"granted_on" date,
	"valid_until" date,
	"issuer" text,
	"certificate_no" text,
	"note" text,
	"entered_by_id" uuid,
	"entered_in_zone_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_honours_valid_after_granted" CHECK ("enterprise_honours"."valid_until" is null or "enterprise_honours"."granted_on" is null or "enterprise_honours"."valid_until" >= "enterprise_honours"."granted_on")
);
--> statement-breakpoint
CREATE TABLE "enterprise_production_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"products" text,
	"capacity" numeric(16, 2),
	"capacity_unit" text,
	"status" text DEFAULT 'operating' NOT NULL,
	"started_on" date,
	"note" text,
	"entered_by_id" uuid,
	"entered_in_zone_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_production_lines_capacity_nonneg" CHECK (coalesce("enterprise_production_lines"."capacity", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "enterprise_yearly_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"output_yuan" bigint,
	"revenue_yuan" bigint,
	"tax_yuan" bigint,
	"land_mu" numeric(12, 2),
	"energy_tce" numeric(14, 2),
	"emissions_tonnes" numeric(14, 2),
	"employees" integer,
	"rnd_yuan" bigint,
	"source" text DEFAULT 'manual' NOT NULL,
	"import_id" uuid,
	"entered_by_id" uuid,
	"entered_in_zone_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_yearly_figures_nonneg" CHECK (coalesce("enterprise_yearly_figures"."output_yuan", 0) >= 0 and coalesce("enterprise_yearly_figures"."revenue_yuan", 0) >= 0 and coalesce("enterprise_yearly_figures"."tax_yuan", 0) >= 0 and coalesce("enterprise_yearly_figures"."land_mu", 0) >= 0
        and coalesce("enterprise_yearly_figures"."energy_tce", 0) >= 0 and coalesce("enterprise_yearly_figures"."emissions_tonnes", 0) >= 0 and coalesce("enterprise_yearly_figures"."employees", 0) >= 0 and coalesce("enterprise_yearly_figures"."rnd_yuan", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "industry_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"description" text,
	"cluster_target_yuan" bigint,
	"cluster_target_year" smallint,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sectors_id_zone_key" UNIQUE("id","zone_id"),
	CONSTRAINT "sectors_target_nonneg" CHECK ("sectors"."cluster_target_yuan" is null or "sectors"."cluster_target_yuan" >= 0)
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "chain_link_id" uuid;--> statement-breakpoint
ALTER TABLE "chain_link_enterprises" ADD CONSTRAINT "chain_link_enterprises_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_enterprises" ADD CONSTRAINT "chain_link_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_enterprises" ADD CONSTRAINT "chain_link_enterprises_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_enterprises" ADD CONSTRAINT "chain_link_enterprises_link_fk" FOREIGN KEY ("link_id","zone_id") REFERENCES "public"."chain_links"("id","zone_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_projects" ADD CONSTRAINT "chain_link_projects_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_projects" ADD CONSTRAINT "chain_link_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_projects" ADD CONSTRAINT "chain_link_projects_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_projects" ADD CONSTRAINT "chain_link_projects_link_fk" FOREIGN KEY ("link_id","zone_id") REFERENCES "public"."chain_links"("id","zone_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_chain_fk" FOREIGN KEY ("chain_id","zone_id") REFERENCES "public"."chains"("id","zone_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_parent_fk" FOREIGN KEY ("parent_link_id","zone_id") REFERENCES "public"."chain_links"("id","zone_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_target_enterprise_id_enterprises_id_fk" FOREIGN KEY ("target_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_chain_fk" FOREIGN KEY ("chain_id","zone_id") REFERENCES "public"."chains"("id","zone_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roadmap_items" ADD CONSTRAINT "chain_roadmap_items_link_fk" FOREIGN KEY ("link_id","zone_id") REFERENCES "public"."chain_links"("id","zone_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_link_fk" FOREIGN KEY ("link_id","zone_id") REFERENCES "public"."chain_links"("id","zone_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_sector_fk" FOREIGN KEY ("sector_id","zone_id") REFERENCES "public"."sectors"("id","zone_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_cooperations" ADD CONSTRAINT "enterprise_cooperations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_cooperations" ADD CONSTRAINT "enterprise_cooperations_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_cooperations" ADD CONSTRAINT "enterprise_cooperations_entered_in_zone_id_zones_id_fk" FOREIGN KEY ("entered_in_zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_honours" ADD CONSTRAINT "enterprise_honours_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_honours" ADD CONSTRAINT "enterprise_honours_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_honours" ADD CONSTRAINT "enterprise_honours_entered_in_zone_id_zones_id_fk" FOREIGN KEY ("entered_in_zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_production_lines" ADD CONSTRAINT "enterprise_production_lines_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_production_lines" ADD CONSTRAINT "enterprise_production_lines_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_production_lines" ADD CONSTRAINT "enterprise_production_lines_entered_in_zone_id_zones_id_fk" FOREIGN KEY ("entered_in_zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_yearly_figures" ADD CONSTRAINT "enterprise_yearly_figures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_yearly_figures" ADD CONSTRAINT "enterprise_yearly_figures_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_yearly_figures" ADD CONSTRAINT "enterprise_yearly_figures_entered_in_zone_id_zones_id_fk" FOREIGN KEY ("entered_in_zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_plans" ADD CONSTRAINT "industry_plans_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chain_link_enterprises_zone_link_enterprise_key" ON "chain_link_enterprises" USING btree ("zone_id","link_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "chain_link_enterprises_zone_enterprise_idx" ON "chain_link_enterprises" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_link_projects_zone_link_project_key" ON "chain_link_projects" USING btree ("zone_id","link_id","project_id");--> statement-breakpoint
CREATE INDEX "chain_link_projects_zone_project_idx" ON "chain_link_projects" USING btree ("zone_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_links_zone_chain_name_key" ON "chain_links" USING btree ("zone_id","chain_id","name");--> statement-breakpoint
CREATE INDEX "chain_links_zone_chain_idx" ON "chain_links" USING btree ("zone_id","chain_id","position");--> statement-breakpoint
CREATE INDEX "chain_links_zone_template_idx" ON "chain_links" USING btree ("zone_id","template_link_key");--> statement-breakpoint
CREATE INDEX "chain_roadmap_items_zone_chain_idx" ON "chain_roadmap_items" USING btree ("zone_id","chain_id","planned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_targets_zone_link_name_key" ON "chain_targets" USING btree ("zone_id","link_id","normalized_name");--> statement-breakpoint
CREATE INDEX "chain_targets_zone_link_idx" ON "chain_targets" USING btree ("zone_id","link_id","status");--> statement-breakpoint
CREATE INDEX "chain_targets_zone_lead_idx" ON "chain_targets" USING btree ("zone_id","lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chains_zone_name_key" ON "chains" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "chains_zone_sector_idx" ON "chains" USING btree ("zone_id","sector_id");--> statement-breakpoint
CREATE INDEX "chains_zone_template_idx" ON "chains" USING btree ("zone_id","template_key");--> statement-breakpoint
CREATE INDEX "enterprise_cooperations_enterprise_idx" ON "enterprise_cooperations" USING btree ("enterprise_id","signed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_honours_enterprise_kind_year_key" ON "enterprise_honours" USING btree ("enterprise_id","kind","year");--> statement-breakpoint
CREATE INDEX "enterprise_honours_kind_year_idx" ON "enterprise_honours" USING btree ("kind","year");--> statement-breakpoint
CREATE INDEX "enterprise_production_lines_enterprise_idx" ON "enterprise_production_lines" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_yearly_figures_enterprise_year_key" ON "enterprise_yearly_figures" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "enterprise_yearly_figures_year_idx" ON "enterprise_yearly_figures" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "industry_plans_zone_key" ON "industry_plans" USING btree ("zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sectors_zone_name_key" ON "sectors" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "leads_zone_chain_link_idx" ON "leads" USING btree ("zone_id","chain_link_id");