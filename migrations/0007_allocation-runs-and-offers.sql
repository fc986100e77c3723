CREATE TABLE "allocation_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid,
	"unit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"offered_by" uuid,
	"offered_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"visit_on" date,
	"partner_confirmed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"decline_reason" text,
	"declined_by" text,
	"reasonable" boolean,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "allocation_offers_status_check" CHECK ("allocation_offers"."status" in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
	CONSTRAINT "allocation_offers_declined_by_check" CHECK ("allocation_offers"."declined_by" is null or "allocation_offers"."declined_by" in ('household', 'provider'))
);
--> statement-breakpoint
CREATE TABLE "allocation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rules_version" integer NOT NULL,
	"seed" text NOT NULL,
	"input_hash" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"status" text NOT NULL,
	"objective" numeric,
	"dual_bound" numeric,
	"result" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_runs_status_check" CHECK ("allocation_runs"."status" in ('optimal', 'infeasible'))
);
--> statement-breakpoint
ALTER TABLE "allocation_offers" ADD CONSTRAINT "allocation_offers_run_id_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_offers" ADD CONSTRAINT "allocation_offers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_offers" ADD CONSTRAINT "allocation_offers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_offers" ADD CONSTRAINT "allocation_offers_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_offers" ADD CONSTRAINT "allocation_offers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_runs" ADD CONSTRAINT "allocation_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_offers_unit_pending_key" ON "allocation_offers" USING btree ("unit_id") WHERE "allocation_offers"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_offers_household_pending_key" ON "allocation_offers" USING btree ("household_id") WHERE "allocation_offers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "allocation_offers_household_idx" ON "allocation_offers" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "allocation_offers_run_idx" ON "allocation_offers" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "allocation_runs_created_idx" ON "allocation_runs" USING btree ("created_at");--> statement-breakpoint
-- Runs are the Comune's: its scope reads and writes them; a partner sees none.
ALTER TABLE allocation_runs ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE allocation_runs FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY allocation_runs_read ON allocation_runs FOR SELECT USING ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY allocation_runs_insert ON allocation_runs FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON allocation_runs FROM casacomune_app;--> statement-breakpoint
-- An offer follows its household: the partner managing it sees it and records the visit, its
-- confirmation and the answer; only the Comune makes one.
ALTER TABLE allocation_offers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE allocation_offers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY allocation_offers_read ON allocation_offers FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = allocation_offers.household_id));--> statement-breakpoint
CREATE POLICY allocation_offers_insert ON allocation_offers FOR INSERT
  WITH CHECK ((SELECT app_sees_all())
    AND EXISTS (SELECT 1 FROM households h WHERE h.id = allocation_offers.household_id));--> statement-breakpoint
CREATE POLICY allocation_offers_update ON allocation_offers FOR UPDATE
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = allocation_offers.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = allocation_offers.household_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON allocation_offers FROM casacomune_app;
