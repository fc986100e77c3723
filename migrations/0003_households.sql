CREATE TABLE "household_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"fiscal_code" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"citizenship" text NOT NULL,
	"relationship" text NOT NULL,
	CONSTRAINT "household_members_sex_check" CHECK ("household_members"."sex" in ('F', 'M', 'X'))
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"managing_partner_id" uuid,
	"referring_organisation_id" uuid NOT NULL,
	"target_group" text NOT NULL,
	"category" text NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_need" text DEFAULT 'none' NOT NULL,
	"priority" jsonb NOT NULL,
	"housing_situation" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"income_cents" bigint,
	"isee_cents" bigint,
	"isee_date" date,
	"status" text NOT NULL,
	"suspended_from" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_reference_unique" UNIQUE("reference"),
	CONSTRAINT "households_income_check" CHECK ("households"."income_cents" >= 0 and "households"."isee_cents" >= 0),
	CONSTRAINT "households_status_check" CHECK ("households"."status" in ('referred', 'assessed', 'waiting', 'offered', 'housed', 'exiting', 'exited', 'suspended', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"referred_by" uuid,
	"referred_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"return_reason" text,
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('pending', 'accepted', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_managing_partner_id_organisations_id_fk" FOREIGN KEY ("managing_partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_referring_organisation_id_organisations_id_fk" FOREIGN KEY ("referring_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_events_household_idx" ON "household_events" USING btree ("household_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_position_key" ON "household_members" USING btree ("household_id","position");--> statement-breakpoint
CREATE INDEX "household_members_fiscal_code_idx" ON "household_members" USING btree ("fiscal_code");--> statement-breakpoint
CREATE INDEX "households_partner_idx" ON "households" USING btree ("managing_partner_id");--> statement-breakpoint
CREATE INDEX "referrals_partner_idx" ON "referrals" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "referrals_household_idx" ON "referrals" USING btree ("household_id");--> statement-breakpoint
-- Households are seen by the partner that manages them (or is asked to) and by the Comune; their
-- members, status history and referrals follow the household (the subqueries are filtered too).
ALTER TABLE households ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE households FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY households_read ON households FOR SELECT
  USING ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY households_insert ON households FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY households_update ON households FOR UPDATE
  USING ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()) OR managing_partner_id IS NULL);--> statement-breakpoint
CREATE POLICY households_delete ON households FOR DELETE USING ((SELECT app_sees_all()));--> statement-breakpoint
ALTER TABLE household_members ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE household_members FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY household_members_all ON household_members FOR ALL
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = household_members.household_id))
  WITH CHECK ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = household_members.household_id));--> statement-breakpoint
ALTER TABLE household_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE household_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY household_events_read ON household_events FOR SELECT
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = household_events.household_id));--> statement-breakpoint
CREATE POLICY household_events_insert ON household_events FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = household_events.household_id));--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- A partner sees its referrals while it can see the household: a returned one leaves with it.
CREATE POLICY referrals_read ON referrals FOR SELECT
  USING ((SELECT app_sees_all())
    OR (partner_id = (SELECT app_org()) AND EXISTS (SELECT 1 FROM households h WHERE h.id = referrals.household_id)));--> statement-breakpoint
CREATE POLICY referrals_insert ON referrals FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY referrals_update ON referrals FOR UPDATE
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));
--> statement-breakpoint
-- Returning a referral gives the household back to the Comune (managing partner null). The partner
-- cannot make that change under the policies above: PostgreSQL also checks the new row of an UPDATE
-- that reads the table (any WHERE) against the SELECT policy, and a household without a managing
-- partner is one the partner no longer sees, so the UPDATE fails with "new row violates row-level
-- security policy". This function makes that one change and nothing else, running as the owner with
-- the programme scope for its duration: only a household the caller's organisation manages, and only
-- when the household's latest referral is to that organisation and has been returned.
CREATE FUNCTION app_release_household(household uuid, at timestamptz) RETURNS boolean
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_catalog SET app.scope = 'all' AS $$
  WITH released AS (
    UPDATE households h SET managing_partner_id = NULL, version = h.version + 1, updated_at = at
    WHERE h.id = household AND h.managing_partner_id = app_org()
      AND (SELECT r.partner_id = h.managing_partner_id AND r.status = 'returned' FROM referrals r
           WHERE r.household_id = h.id ORDER BY r.referred_at DESC, r.id DESC LIMIT 1)
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM released)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_release_household(uuid, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_release_household(uuid, timestamptz) TO casacomune_app;
