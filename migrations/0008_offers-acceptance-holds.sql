CREATE TABLE "tenancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"offer_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tenancies_status_check" CHECK ("tenancies"."status" in ('draft', 'active', 'ended', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "unit_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"household_id" uuid,
	"expires_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"release_reason" text,
	CONSTRAINT "unit_holds_reason_check" CHECK (length(trim("unit_holds"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_status_check";--> statement-breakpoint
DROP INDEX "allocation_offers_unit_pending_key";--> statement-breakpoint
DROP INDEX "allocation_offers_household_pending_key";--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_offer_id_allocation_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."allocation_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tenancies_unit_open_key" ON "tenancies" USING btree ("unit_id") WHERE "tenancies"."status" in ('draft', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "tenancies_offer_open_key" ON "tenancies" USING btree ("offer_id") WHERE "tenancies"."status" in ('draft', 'active');--> statement-breakpoint
CREATE INDEX "tenancies_household_idx" ON "tenancies" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "unit_holds_unit_idx" ON "unit_holds" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_offers_unit_active_key" ON "allocation_offers" USING btree ("unit_id") WHERE "allocation_offers"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_offers_household_active_key" ON "allocation_offers" USING btree ("household_id") WHERE "allocation_offers"."status" in ('pending', 'accepted');--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_status_check" CHECK ("units"."status" in ('to_renovate', 'renovating', 'available', 'offered', 'let_pending', 'let', 'vacating', 'unavailable'));--> statement-breakpoint
-- Holds are the Comune's: its scope reads, adds and releases them; a partner sees none.
ALTER TABLE unit_holds ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE unit_holds FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY unit_holds_all ON unit_holds FOR ALL
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON unit_holds FROM casacomune_app;--> statement-breakpoint
-- A tenancy follows its household, as its offer does: the partner managing the household sees it and
-- opens the draft when its household accepts.
ALTER TABLE tenancies ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenancies FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenancies_read ON tenancies FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = tenancies.household_id));--> statement-breakpoint
CREATE POLICY tenancies_insert ON tenancies FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = tenancies.household_id));--> statement-breakpoint
CREATE POLICY tenancies_update ON tenancies FOR UPDATE
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = tenancies.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = tenancies.household_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON tenancies FROM casacomune_app;
