CREATE TABLE "project_task_force_members" (
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sort_order" smallint NOT NULL,
	CONSTRAINT "project_task_force_members_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP CONSTRAINT "campaign_entries_reason";--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP CONSTRAINT "campaign_entries_money_nonneg";--> statement-breakpoint
DROP INDEX "campaign_entries_project_counted_key";--> statement-breakpoint
DROP INDEX "campaign_entries_lead_counted_key";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "signing_event_id" uuid;--> statement-breakpoint
ALTER TABLE "project_task_force_members" ADD CONSTRAINT "project_task_force_members_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_task_force_members" ADD CONSTRAINT "project_task_force_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_task_force_members" ADD CONSTRAINT "project_task_force_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_task_force_members_zone_user_idx" ON "project_task_force_members" USING btree ("zone_id","user_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_signing_event_id_signing_events_id_fk" FOREIGN KEY ("signing_event_id") REFERENCES "public"."signing_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_entries_zone_project_idx" ON "campaign_entries" USING btree ("zone_id","project_id") WHERE "campaign_entries"."project_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_signing_event_key" ON "campaigns" USING btree ("signing_event_id") WHERE "campaigns"."signing_event_id" is not null;--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP COLUMN "confirmed";--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP COLUMN "actual_on";--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP COLUMN "actual_amount_yuan";--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP COLUMN "output_reached";--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_money_nonneg" CHECK (coalesce("campaign_entries"."planned_amount_yuan", 0) >= 0 and coalesce("campaign_entries"."arrived_yuan", 0) >= 0);