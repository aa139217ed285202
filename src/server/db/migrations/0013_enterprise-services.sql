CREATE TABLE "approval_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"project_id" uuid,
	"project_approval_id" uuid,
	"enterprise_id" uuid,
	"applicant" text NOT NULL,
	"mode" text NOT NULL,
	"step" text NOT NULL,
	"agent_user_id" uuid,
	"accepted_on" date NOT NULL,
	"due_on" date,
	"materials_on" date,
	"filed_on" date,
	"granted_on" date,
	"promise_signed_on" date,
	"inspection_due_on" date,
	"inspected_on" date,
	"inspection_result" text,
	"satisfaction" smallint,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"level" text DEFAULT 'agent' NOT NULL,
	"level_since" date,
	"owner_user_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_cases_satisfaction_ck" CHECK ("approval_cases"."satisfaction" is null or "approval_cases"."satisfaction" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "approval_service_settings" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"escalation_workdays" smallint DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegated_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"department" text NOT NULL,
	"legal_basis" text,
	"statutory_days" smallint,
	"promised_days" smallint,
	"materials" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegated_items_days_ck" CHECK ("delegated_items"."promised_days" is null or "delegated_items"."statutory_days" is null or "delegated_items"."promised_days" <= "delegated_items"."statutory_days")
);
--> statement-breakpoint
CREATE TABLE "factor_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid,
	"enterprise_id" uuid,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" text,
	"requested_on" date NOT NULL,
	"needed_by" date,
	"department_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"resolved_on" date,
	"blocker_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"amount_yuan" bigint NOT NULL,
	"purpose" text NOT NULL,
	"term_months" integer,
	"collateral" text,
	"raised_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"max_amount_yuan" bigint,
	"term_months" integer,
	"rate" text,
	"collateral" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"product_id" uuid,
	"event_id" uuid,
	"referred_on" date NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"granted_yuan" bigint,
	"granted_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"reserve_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" text DEFAULT 'planning' NOT NULL,
	"asked_yuan" bigint NOT NULL,
	"granted_yuan" bigint,
	"submitted_on" date,
	"approved_on" date,
	"disbursed_on" date,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_user_id" uuid,
	"reminded_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_applications_granted_ck" CHECK ("funding_applications"."granted_yuan" is null or "funding_applications"."granted_yuan" <= "funding_applications"."asked_yuan")
);
--> statement-breakpoint
CREATE TABLE "funding_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"department" text NOT NULL,
	"person" text,
	"subject" text NOT NULL,
	"next_step" text,
	"programme_id" uuid,
	"reserve_id" uuid,
	"recorded_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"department" text NOT NULL,
	"name" text NOT NULL,
	"policy_document" text,
	"opens_on" date,
	"deadline_on" date,
	"conditions" text,
	"typical_amount_yuan" bigint,
	"remind_days" smallint DEFAULT 7 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_programmes_window_ck" CHECK ("funding_programmes"."deadline_on" is null or "funding_programmes"."opens_on" is null or "funding_programmes"."deadline_on" >= "funding_programmes"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "funding_reserve" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid,
	"enterprise_id" uuid,
	"name" text NOT NULL,
	"total_investment_yuan" bigint,
	"preliminary_done" boolean DEFAULT false NOT NULL,
	"feasibility_done" boolean DEFAULT false NOT NULL,
	"report_done" boolean DEFAULT false NOT NULL,
	"owner_user_id" uuid,
	"note" text,
	"added_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_reserve_programmes" (
	"zone_id" uuid NOT NULL,
	"reserve_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	CONSTRAINT "funding_reserve_programmes_reserve_id_programme_id_pk" PRIMARY KEY("reserve_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "hiring_fair_posts" (
	"zone_id" uuid NOT NULL,
	"fair_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	CONSTRAINT "hiring_fair_posts_fair_id_post_id_pk" PRIMARY KEY("fair_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "hiring_fairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"kind" text NOT NULL,
	"applicants" integer DEFAULT 0 NOT NULL,
	"hires" integer DEFAULT 0 NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hiring_fairs_hires_ck" CHECK ("hiring_fairs"."applicants" >= 0 and "hiring_fairs"."hires" >= 0 and "hiring_fairs"."hires" <= "hiring_fairs"."applicants")
);
--> statement-breakpoint
CREATE TABLE "hiring_partnership_enterprises" (
	"zone_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "hiring_partnership_enterprises_partnership_id_enterprise_id_pk" PRIMARY KEY("partnership_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "hiring_partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"school" text NOT NULL,
	"programme" text NOT NULL,
	"class_size" integer,
	"starts_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hiring_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"position" text NOT NULL,
	"category" text NOT NULL,
	"headcount" integer NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"pay_min_yuan" bigint,
	"pay_max_yuan" bigint,
	"requirements" text,
	"posted_on" date NOT NULL,
	"deadline_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hiring_posts_counts_ck" CHECK ("hiring_posts"."headcount" > 0 and "hiring_posts"."filled" >= 0 and "hiring_posts"."filled" <= "hiring_posts"."headcount"),
	CONSTRAINT "hiring_posts_pay_ck" CHECK ("hiring_posts"."pay_min_yuan" is null or "hiring_posts"."pay_max_yuan" is null or "hiring_posts"."pay_min_yuan" <= "hiring_posts"."pay_max_yuan")
);
--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_item_id_delegated_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."delegated_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_project_approval_id_project_approvals_id_fk" FOREIGN KEY ("project_approval_id") REFERENCES "public"."project_approvals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_service_settings" ADD CONSTRAINT "approval_service_settings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_items" ADD CONSTRAINT "delegated_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_requests" ADD CONSTRAINT "factor_requests_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_requests" ADD CONSTRAINT "factor_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_requests" ADD CONSTRAINT "factor_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_requests" ADD CONSTRAINT "factor_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_requests" ADD CONSTRAINT "factor_requests_blocker_id_blockers_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."blockers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_events" ADD CONSTRAINT "finance_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_institutions" ADD CONSTRAINT "finance_institutions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_needs" ADD CONSTRAINT "finance_needs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_needs" ADD CONSTRAINT "finance_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_products" ADD CONSTRAINT "finance_products_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_products" ADD CONSTRAINT "finance_products_institution_id_finance_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."finance_institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_referrals" ADD CONSTRAINT "finance_referrals_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_referrals" ADD CONSTRAINT "finance_referrals_need_id_finance_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."finance_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_referrals" ADD CONSTRAINT "finance_referrals_institution_id_finance_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."finance_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_referrals" ADD CONSTRAINT "finance_referrals_product_id_finance_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."finance_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_referrals" ADD CONSTRAINT "finance_referrals_event_id_finance_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."finance_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_reserve_id_funding_reserve_id_fk" FOREIGN KEY ("reserve_id") REFERENCES "public"."funding_reserve"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contacts" ADD CONSTRAINT "funding_contacts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contacts" ADD CONSTRAINT "funding_contacts_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contacts" ADD CONSTRAINT "funding_contacts_reserve_id_funding_reserve_id_fk" FOREIGN KEY ("reserve_id") REFERENCES "public"."funding_reserve"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contacts" ADD CONSTRAINT "funding_contacts_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programmes" ADD CONSTRAINT "funding_programmes_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve" ADD CONSTRAINT "funding_reserve_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve" ADD CONSTRAINT "funding_reserve_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve" ADD CONSTRAINT "funding_reserve_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve" ADD CONSTRAINT "funding_reserve_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve_programmes" ADD CONSTRAINT "funding_reserve_programmes_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve_programmes" ADD CONSTRAINT "funding_reserve_programmes_reserve_id_funding_reserve_id_fk" FOREIGN KEY ("reserve_id") REFERENCES "public"."funding_reserve"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reserve_programmes" ADD CONSTRAINT "funding_reserve_programmes_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_fair_posts" ADD CONSTRAINT "hiring_fair_posts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_fair_posts" ADD CONSTRAINT "hiring_fair_posts_fair_id_hiring_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."hiring_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_fair_posts" ADD CONSTRAINT "hiring_fair_posts_post_id_hiring_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."hiring_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_fairs" ADD CONSTRAINT "hiring_fairs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_partnership_enterprises" ADD CONSTRAINT "hiring_partnership_enterprises_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_partnership_enterprises" ADD CONSTRAINT "hiring_partnership_enterprises_partnership_id_hiring_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."hiring_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_partnership_enterprises" ADD CONSTRAINT "hiring_partnership_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_partnerships" ADD CONSTRAINT "hiring_partnerships_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_posts" ADD CONSTRAINT "hiring_posts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_posts" ADD CONSTRAINT "hiring_posts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_cases_zone_step_idx" ON "approval_cases" USING btree ("zone_id","step","due_on");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_agent_idx" ON "approval_cases" USING btree ("zone_id","agent_user_id");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_project_idx" ON "approval_cases" USING btree ("zone_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_cases_zone_project_approval_uq" ON "approval_cases" USING btree ("zone_id","project_approval_id") WHERE "approval_cases"."project_approval_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "delegated_items_zone_name_uq" ON "delegated_items" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "factor_requests_zone_status_idx" ON "factor_requests" USING btree ("zone_id","status","requested_on");--> statement-breakpoint
CREATE INDEX "factor_requests_zone_project_idx" ON "factor_requests" USING btree ("zone_id","project_id");--> statement-breakpoint
CREATE INDEX "finance_events_zone_held_idx" ON "finance_events" USING btree ("zone_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_institutions_zone_name_uq" ON "finance_institutions" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "finance_needs_zone_raised_idx" ON "finance_needs" USING btree ("zone_id","raised_on");--> statement-breakpoint
CREATE INDEX "finance_products_zone_institution_idx" ON "finance_products" USING btree ("zone_id","institution_id");--> statement-breakpoint
CREATE INDEX "finance_referrals_zone_referred_idx" ON "finance_referrals" USING btree ("zone_id","referred_on");--> statement-breakpoint
CREATE INDEX "finance_referrals_zone_need_idx" ON "finance_referrals" USING btree ("zone_id","need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_applications_zone_reserve_programme_uq" ON "funding_applications" USING btree ("zone_id","reserve_id","programme_id");--> statement-breakpoint
CREATE INDEX "funding_applications_zone_programme_idx" ON "funding_applications" USING btree ("zone_id","programme_id","status");--> statement-breakpoint
CREATE INDEX "funding_contacts_zone_on_idx" ON "funding_contacts" USING btree ("zone_id","contacted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_programmes_zone_year_name_uq" ON "funding_programmes" USING btree ("zone_id","year","name");--> statement-breakpoint
CREATE INDEX "funding_programmes_zone_deadline_idx" ON "funding_programmes" USING btree ("zone_id","deadline_on");--> statement-breakpoint
CREATE INDEX "funding_reserve_zone_added_idx" ON "funding_reserve" USING btree ("zone_id","added_on");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_reserve_zone_project_uq" ON "funding_reserve" USING btree ("zone_id","project_id") WHERE "funding_reserve"."project_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_reserve_zone_name_uq" ON "funding_reserve" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "funding_reserve_programmes_zone_programme_idx" ON "funding_reserve_programmes" USING btree ("zone_id","programme_id");--> statement-breakpoint
CREATE INDEX "hiring_fair_posts_zone_post_idx" ON "hiring_fair_posts" USING btree ("zone_id","post_id");--> statement-breakpoint
CREATE INDEX "hiring_fairs_zone_held_idx" ON "hiring_fairs" USING btree ("zone_id","held_on");--> statement-breakpoint
CREATE INDEX "hiring_partnership_enterprises_zone_idx" ON "hiring_partnership_enterprises" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hiring_partnerships_zone_school_programme_uq" ON "hiring_partnerships" USING btree ("zone_id","school","programme");--> statement-breakpoint
CREATE INDEX "hiring_posts_zone_enterprise_idx" ON "hiring_posts" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "hiring_posts_zone_sector_idx" ON "hiring_posts" USING btree ("zone_id","sector");