CREATE TABLE "assessment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"scheme_id" uuid NOT NULL,
	"scheme_version" integer NOT NULL,
	"score_centi" integer NOT NULL,
	"grade" text NOT NULL,
	"details" jsonb NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"computed_by" uuid,
	"computed_by_name" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistic_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"amount_yuan" bigint,
	"quantity" numeric(18, 2),
	"source" text,
	"via" text NOT NULL,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistic_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"amount_yuan" bigint,
	"quantity" numeric(18, 2),
	"source" text,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistic_values_one_value_ck" CHECK (("statistic_values"."amount_yuan" is null) <> ("statistic_values"."quantity" is null))
);
--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_revisions" ADD CONSTRAINT "statistic_revisions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_revisions" ADD CONSTRAINT "statistic_revisions_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_values" ADD CONSTRAINT "statistic_values_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_values" ADD CONSTRAINT "statistic_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_current_uq" ON "assessment_results" USING btree ("zone_id","year") WHERE "assessment_results"."current";--> statement-breakpoint
CREATE INDEX "assessment_results_year_idx" ON "assessment_results" USING btree ("year","zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_region_year_uq" ON "assessment_schemes" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "statistic_revisions_zone_indicator_period_idx" ON "statistic_revisions" USING btree ("zone_id","indicator","period","version");--> statement-breakpoint
CREATE UNIQUE INDEX "statistic_values_zone_indicator_period_uq" ON "statistic_values" USING btree ("zone_id","indicator","period");--> statement-breakpoint
CREATE INDEX "statistic_values_indicator_period_idx" ON "statistic_values" USING btree ("indicator","period");