DROP INDEX "decisions_meeting_idx";--> statement-breakpoint
CREATE INDEX "decisions_meeting_idx" ON "decisions" USING btree ("meeting_id","created_at","zone_id");