CREATE TABLE "import_created" (
	"import_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"ids" uuid[] NOT NULL,
	CONSTRAINT "import_created_import_id_entity_type_pk" PRIMARY KEY("import_id","entity_type")
);
--> statement-breakpoint
ALTER TABLE "import_created" ADD CONSTRAINT "import_created_import_id_import_batches_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_created" ADD CONSTRAINT "import_created_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;