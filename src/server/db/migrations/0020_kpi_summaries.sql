CREATE TABLE "kpi_refreshes" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"as_of" date NOT NULL,
	"audit_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_summaries" (
	"zone_id" uuid NOT NULL,
	"month" date NOT NULL,
	"indicator" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "kpi_summaries_zone_id_month_indicator_dimension_pk" PRIMARY KEY("zone_id","month","indicator","dimension")
);
--> statement-breakpoint
ALTER TABLE "kpi_refreshes" ADD CONSTRAINT "kpi_refreshes_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_summaries" ADD CONSTRAINT "kpi_summaries_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_summaries_indicator_month_idx" ON "kpi_summaries" USING btree ("indicator","month");