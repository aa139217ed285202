CREATE TABLE "intake_zone_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"label" text NOT NULL,
	"value" numeric(24, 6) NOT NULL,
	"unit" text NOT NULL,
	"from_value" numeric(24, 6),
	"period" text,
	"from_period" text,
	"qualifier" text,
	"quote" text NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_by_name" text NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intake_zone_figures" ADD CONSTRAINT "intake_zone_figures_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_zone_figures" ADD CONSTRAINT "intake_zone_figures_source_id_intake_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."intake_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_zone_figures" ADD CONSTRAINT "intake_zone_figures_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_zone_figures_zone_label_idx" ON "intake_zone_figures" USING btree ("zone_id","label","period");--> statement-breakpoint
CREATE INDEX "intake_zone_figures_zone_source_idx" ON "intake_zone_figures" USING btree ("zone_id","source_id");