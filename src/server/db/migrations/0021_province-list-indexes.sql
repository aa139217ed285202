DROP INDEX "audit_zone_at_idx";--> statement-breakpoint
DROP INDEX "enterprises_normalized_name_idx";--> statement-breakpoint
DROP INDEX "leads_zone_updated_idx";--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "leads_updated_idx" ON "leads" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "decisions_zone_deadline_idx" ON "decisions" USING btree ("zone_id","deadline_on","id");--> statement-breakpoint
CREATE INDEX "decisions_deadline_idx" ON "decisions" USING btree ("deadline_on","id");--> statement-breakpoint
CREATE INDEX "audit_zone_at_idx" ON "audit_log" USING btree ("zone_id","at","id");--> statement-breakpoint
CREATE INDEX "enterprises_normalized_name_idx" ON "enterprises" USING btree ("normalized_name","id");--> statement-breakpoint
CREATE INDEX "leads_zone_updated_idx" ON "leads" USING btree ("zone_id","updated_at" DESC NULLS LAST,"id" DESC NULLS FIRST);