CREATE SEQUENCE "public"."works_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "contractors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"vat_number" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"white_list_prefecture" text NOT NULL,
	"white_list_registered_on" date NOT NULL,
	"white_list_expires_on" date NOT NULL,
	"white_list_renewal_requested_on" date,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contractors_vat_number_unique" UNIQUE("vat_number"),
	CONSTRAINT "contractors_white_list_dates_check" CHECK ("contractors"."white_list_expires_on" > "contractors"."white_list_registered_on")
);
--> statement-breakpoint
CREATE TABLE "plan_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"scenario" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'LAV-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('works_reference_seq')::text, 5, '0') NOT NULL,
	"partner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"target_group" text,
	"estimate_ex_vat_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 1000 NOT NULL,
	"contractor_id" uuid,
	"awarded_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"completed_on" date,
	"standards_ticked" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "works_reference_unique" UNIQUE("reference"),
	CONSTRAINT "works_status_check" CHECK ("works"."status" in ('planned', 'awarded', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "works_vat_rate_check" CHECK ("works"."vat_rate_bp" between 0 and 2200),
	CONSTRAINT "works_estimate_check" CHECK ("works"."estimate_ex_vat_cents" >= 0),
	CONSTRAINT "works_award_check" CHECK (("works"."contractor_id" is null) = ("works"."awarded_on" is null))
);
--> statement-breakpoint
CREATE TABLE "works_cost_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"works_id" uuid NOT NULL,
	"description" text NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"invoice_number" text NOT NULL,
	"invoice_date" date NOT NULL,
	"amount_ex_vat_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"funding_source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "works_cost_lines_amount_check" CHECK ("works_cost_lines"."amount_ex_vat_cents" > 0 and "works_cost_lines"."vat_cents" >= 0),
	CONSTRAINT "works_cost_lines_source_check" CHECK ("works_cost_lines"."funding_source" in ('grant', 'equity', 'fundraising', 'calls', 'loan', 'revolving_fund'))
);
--> statement-breakpoint
CREATE TABLE "works_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"works_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	CONSTRAINT "works_phases_planned_check" CHECK ("works_phases"."planned_end" >= "works_phases"."planned_start"),
	CONSTRAINT "works_phases_actual_check" CHECK (("works_phases"."actual_end" is null or ("works_phases"."actual_start" is not null and "works_phases"."actual_end" >= "works_phases"."actual_start")))
);
--> statement-breakpoint
CREATE TABLE "works_units" (
	"works_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "works_units_works_id_unit_id_pk" PRIMARY KEY("works_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_scenarios" ADD CONSTRAINT "plan_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works" ADD CONSTRAINT "works_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works" ADD CONSTRAINT "works_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works" ADD CONSTRAINT "works_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_cost_lines" ADD CONSTRAINT "works_cost_lines_works_id_works_id_fk" FOREIGN KEY ("works_id") REFERENCES "public"."works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_cost_lines" ADD CONSTRAINT "works_cost_lines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_phases" ADD CONSTRAINT "works_phases_works_id_works_id_fk" FOREIGN KEY ("works_id") REFERENCES "public"."works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_units" ADD CONSTRAINT "works_units_works_id_works_id_fk" FOREIGN KEY ("works_id") REFERENCES "public"."works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_units" ADD CONSTRAINT "works_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_scenarios_name_version_idx" ON "plan_scenarios" USING btree ("name","version");--> statement-breakpoint
CREATE INDEX "works_partner_idx" ON "works" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "works_cost_lines_works_idx" ON "works_cost_lines" USING btree ("works_id");--> statement-breakpoint
CREATE UNIQUE INDEX "works_phases_position_idx" ON "works_phases" USING btree ("works_id","position");--> statement-breakpoint
CREATE INDEX "works_units_unit_idx" ON "works_units" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE contractors ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE contractors FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY contractors_read ON contractors FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY contractors_insert ON contractors FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY contractors_update ON contractors FOR UPDATE
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON contractors FROM casacomune_app;--> statement-breakpoint
ALTER TABLE works ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE works FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY works_partner ON works FOR ALL
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON works FROM casacomune_app;--> statement-breakpoint
ALTER TABLE works_units ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE works_units FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY works_units_follow ON works_units FOR ALL
  USING (EXISTS (SELECT 1 FROM works w WHERE w.id = works_units.works_id)
    AND EXISTS (SELECT 1 FROM units u WHERE u.id = works_units.unit_id))
  WITH CHECK (EXISTS (SELECT 1 FROM works w WHERE w.id = works_units.works_id)
    AND EXISTS (SELECT 1 FROM units u WHERE u.id = works_units.unit_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON works_units FROM casacomune_app;--> statement-breakpoint
ALTER TABLE works_phases ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE works_phases FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY works_phases_follow ON works_phases FOR ALL
  USING (EXISTS (SELECT 1 FROM works w WHERE w.id = works_phases.works_id))
  WITH CHECK (EXISTS (SELECT 1 FROM works w WHERE w.id = works_phases.works_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON works_phases FROM casacomune_app;--> statement-breakpoint
ALTER TABLE works_cost_lines ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE works_cost_lines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY works_cost_lines_follow ON works_cost_lines FOR ALL
  USING (EXISTS (SELECT 1 FROM works w WHERE w.id = works_cost_lines.works_id))
  WITH CHECK (EXISTS (SELECT 1 FROM works w WHERE w.id = works_cost_lines.works_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON works_cost_lines FROM casacomune_app;--> statement-breakpoint
ALTER TABLE plan_scenarios ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE plan_scenarios FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY plan_scenarios_staff ON plan_scenarios FOR ALL
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()))
  WITH CHECK ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON plan_scenarios FROM casacomune_app;
