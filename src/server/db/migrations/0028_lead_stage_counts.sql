CREATE TABLE "lead_stage_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"status" text NOT NULL,
	"leads" integer NOT NULL,
	"planned_yuan" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_stage_counts" ADD CONSTRAINT "lead_stage_counts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_stage_counts_zone_idx" ON "lead_stage_counts" USING btree ("zone_id","stage","status");--> statement-breakpoint
-- The funnel's deltas (decision 028), one row per statement and (zone, stage, status) it changed.
CREATE FUNCTION "lead_stage_counts_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_stage_counts (zone_id, stage, status, leads, planned_yuan)
      SELECT zone_id, stage, status, count(*), coalesce(sum(planned_investment_yuan), 0) FROM new_rows GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_stage_counts (zone_id, stage, status, leads, planned_yuan)
      SELECT zone_id, stage, status, -count(*), -coalesce(sum(planned_investment_yuan), 0) FROM old_rows GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO lead_stage_counts (zone_id, stage, status, leads, planned_yuan)
      SELECT zone_id, stage, status, sum(n), sum(p) FROM (
        SELECT zone_id, stage, status, 1 AS n, coalesce(planned_investment_yuan, 0) AS p FROM new_rows
        UNION ALL
        SELECT zone_id, stage, status, -1, -coalesce(planned_investment_yuan, 0) FROM old_rows
      ) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(p) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "lead_stage_counts_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM lead_stage_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "leads_stage_counts_insert" AFTER INSERT ON "leads" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_stage_counts_delta();
--> statement-breakpoint
CREATE TRIGGER "leads_stage_counts_update" AFTER UPDATE ON "leads" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_stage_counts_delta();
--> statement-breakpoint
CREATE TRIGGER "leads_stage_counts_delete" AFTER DELETE ON "leads" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_stage_counts_delta();
--> statement-breakpoint
CREATE TRIGGER "leads_stage_counts_truncate" AFTER TRUNCATE ON "leads" FOR EACH STATEMENT EXECUTE FUNCTION lead_stage_counts_truncate();
--> statement-breakpoint
INSERT INTO lead_stage_counts (zone_id, stage, status, leads, planned_yuan)
  SELECT zone_id, stage, status, count(*), coalesce(sum(planned_investment_yuan), 0) FROM leads GROUP BY 1, 2, 3;
