ALTER TABLE "campaign_entries" DROP CONSTRAINT "campaign_entries_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "campaign_entries" DROP CONSTRAINT "campaign_entries_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;