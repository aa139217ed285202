CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid,
	"title" text NOT NULL,
	"detail" text,
	"sort_order" integer NOT NULL,
	"annotation" text,
	"generated" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocker_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blocker_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"zone_id" uuid NOT NULL,
	"blocker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"note" text,
	"on" date NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blockers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid,
	"lead_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_by_id" uuid,
	"raised_by_name" text NOT NULL,
	"department_id" uuid,
	"responsible_user_id" uuid,
	"owner_user_id" uuid,
	"deadline_on" date NOT NULL,
	"level" text DEFAULT 'task_force' NOT NULL,
	"level_since" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blockers_deadline_after_raised" CHECK ("blockers"."deadline_on" >= "blockers"."raised_on"),
	CONSTRAINT "blockers_resolution_text" CHECK ("blockers"."status" <> 'resolved' or ("blockers"."resolution" is not null and length(trim("blockers"."resolution")) > 0 and "blockers"."resolved_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "campaign_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"batch" text NOT NULL,
	"project_id" uuid,
	"lead_id" uuid,
	"name" text NOT NULL,
	"planned_amount_yuan" bigint,
	"confirmed" boolean,
	"reason" text,
	"actual_on" date,
	"actual_amount_yuan" bigint,
	"arrived_yuan" bigint,
	"output_reached" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_entries_reason" CHECK ("campaign_entries"."confirmed" is distinct from false or ("campaign_entries"."reason" is not null and length(trim("campaign_entries"."reason")) > 0)),
	CONSTRAINT "campaign_entries_money_nonneg" CHECK (coalesce("campaign_entries"."planned_amount_yuan", 0) >= 0 and coalesce("campaign_entries"."actual_amount_yuan", 0) >= 0 and coalesce("campaign_entries"."arrived_yuan", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"name" text NOT NULL,
	"event_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_quarter_range" CHECK ("campaigns"."quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"task" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"department_id" uuid,
	"deadline_on" date NOT NULL,
	"project_id" uuid,
	"blocker_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_settings" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"escalation_workdays" smallint DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"minutes" text,
	"frozen" jsonb,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"created_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"entity_type" text,
	"entity_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocker_events" ADD CONSTRAINT "blocker_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocker_events" ADD CONSTRAINT "blocker_events_blocker_id_blockers_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."blockers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_raised_by_id_users_id_fk" FOREIGN KEY ("raised_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_blocker_id_blockers_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."blockers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_settings" ADD CONSTRAINT "dispatch_settings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_meeting_ref_key" ON "agenda_items" USING btree ("meeting_id","kind","ref_id") WHERE "agenda_items"."ref_id" is not null;--> statement-breakpoint
CREATE INDEX "blocker_events_blocker_idx" ON "blocker_events" USING btree ("blocker_id","at");--> statement-breakpoint
CREATE INDEX "blockers_zone_status_idx" ON "blockers" USING btree ("zone_id","status","deadline_on");--> statement-breakpoint
CREATE INDEX "blockers_open_deadline_idx" ON "blockers" USING btree ("zone_id","deadline_on") WHERE "blockers"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "blockers_project_idx" ON "blockers" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "blockers_lead_idx" ON "blockers" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "blockers_owner_idx" ON "blockers" USING btree ("owner_user_id") WHERE "blockers"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "blockers_responsible_idx" ON "blockers" USING btree ("responsible_user_id") WHERE "blockers"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "campaign_entries_campaign_idx" ON "campaign_entries" USING btree ("campaign_id","batch","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_entries_project_once_key" ON "campaign_entries" USING btree ("campaign_id","batch","project_id") WHERE "campaign_entries"."project_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_entries_lead_once_key" ON "campaign_entries" USING btree ("campaign_id","batch","lead_id") WHERE "campaign_entries"."lead_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_entries_project_counted_key" ON "campaign_entries" USING btree ("batch","project_id") WHERE "campaign_entries"."project_id" is not null and "campaign_entries"."confirmed";--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_entries_lead_counted_key" ON "campaign_entries" USING btree ("batch","lead_id") WHERE "campaign_entries"."lead_id" is not null and "campaign_entries"."confirmed";--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_zone_quarter_key" ON "campaigns" USING btree ("zone_id","year","quarter");--> statement-breakpoint
CREATE INDEX "decisions_meeting_idx" ON "decisions" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_owner_open_idx" ON "decisions" USING btree ("owner_user_id") WHERE "decisions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "decisions_zone_status_idx" ON "decisions" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "meetings_zone_held_idx" ON "meetings" USING btree ("zone_id","held_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;