CREATE TABLE "household_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_on" date,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "household_consents_purpose_check" CHECK ("household_consents"."purpose" in ('processing', 'special_categories', 'follow_up_contact')),
	CONSTRAINT "household_consents_withdrawn_check" CHECK ("household_consents"."withdrawn_on" is null or "household_consents"."withdrawn_on" >= "household_consents"."given_on")
);
--> statement-breakpoint
CREATE TABLE "household_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"referral_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"expires_on" date,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content" "bytea",
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "household_documents_kind_check" CHECK ("household_documents"."kind" in ('identity_document', 'residence_permit', 'isee', 'social_report', 'other')),
	CONSTRAINT "household_documents_file_check" CHECK (("household_documents"."content" is null) = ("household_documents"."file_name" is null) and ("household_documents"."content" is null) = ("household_documents"."sha256" is null))
);
--> statement-breakpoint
CREATE TABLE "household_exits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"date" date NOT NULL,
	"planned" boolean NOT NULL,
	"destination" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_exits_destination_check" CHECK ("household_exits"."destination" in ('market_rent', 'public_housing', 'family', 'other_service', 'abandonment', 'eviction', 'death'))
);
--> statement-breakpoint
CREATE TABLE "household_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"due_date" date NOT NULL,
	"contacted_on" date,
	"situation" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "household_follow_ups_months_check" CHECK ("household_follow_ups"."months" in (6, 12, 24)),
	CONSTRAINT "household_follow_ups_situation_check" CHECK ("household_follow_ups"."situation" is null or "household_follow_ups"."situation" in ('same_home', 'other_stable_home', 'with_family', 'shelter_or_service', 'homeless', 'unreachable'))
);
--> statement-breakpoint
CREATE TABLE "support_interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"date" date NOT NULL,
	"minutes" smallint NOT NULL,
	"type" text NOT NULL,
	"staff_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_interventions_minutes_check" CHECK ("support_interventions"."minutes" between 1 and 720)
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "processing_withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "special_categories_withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "household_consents" ADD CONSTRAINT "household_consents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_consents" ADD CONSTRAINT "household_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_consents" ADD CONSTRAINT "household_consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_documents" ADD CONSTRAINT "household_documents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_documents" ADD CONSTRAINT "household_documents_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_documents" ADD CONSTRAINT "household_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_exits" ADD CONSTRAINT "household_exits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_exits" ADD CONSTRAINT "household_exits_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_follow_ups" ADD CONSTRAINT "household_follow_ups_exit_id_household_exits_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."household_exits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_follow_ups" ADD CONSTRAINT "household_follow_ups_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_follow_ups" ADD CONSTRAINT "household_follow_ups_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_interventions" ADD CONSTRAINT "support_interventions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_interventions" ADD CONSTRAINT "support_interventions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_consents_household_idx" ON "household_consents" USING btree ("household_id","purpose");--> statement-breakpoint
CREATE INDEX "household_documents_household_idx" ON "household_documents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_documents_expires_idx" ON "household_documents" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "household_exits_household_idx" ON "household_exits" USING btree ("household_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "household_follow_ups_key" ON "household_follow_ups" USING btree ("exit_id","months");--> statement-breakpoint
CREATE INDEX "household_follow_ups_due_idx" ON "household_follow_ups" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "support_interventions_household_idx" ON "support_interventions" USING btree ("household_id","date");--> statement-breakpoint
-- Withdrawn consent to processing hides a household from everyone but the data-protection role,
-- whose requests set app.withdrawn = 'visible'. A restrictive policy: it narrows the others.
CREATE FUNCTION app_sees_withdrawn() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.withdrawn', true), '') = 'visible'
$$;--> statement-breakpoint
CREATE POLICY households_consent ON households AS RESTRICTIVE FOR SELECT
  USING (processing_withdrawn_at IS NULL OR (SELECT app_sees_withdrawn()));--> statement-breakpoint
-- What a household hides, its records hide: the policies of the tables that follow a household no
-- longer let the Comune's scope through on its own, they ask whether the household is visible.
DROP POLICY household_members_all ON household_members;--> statement-breakpoint
CREATE POLICY household_members_all ON household_members FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_members.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_members.household_id));--> statement-breakpoint
DROP POLICY household_events_read ON household_events;--> statement-breakpoint
DROP POLICY household_events_insert ON household_events;--> statement-breakpoint
CREATE POLICY household_events_read ON household_events FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_events.household_id));--> statement-breakpoint
CREATE POLICY household_events_insert ON household_events FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_events.household_id));--> statement-breakpoint
DROP POLICY referrals_read ON referrals;--> statement-breakpoint
CREATE POLICY referrals_read ON referrals FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = referrals.household_id)
    AND ((SELECT app_sees_all()) OR partner_id = (SELECT app_org())));--> statement-breakpoint
DROP POLICY support_plans_read ON support_plans;--> statement-breakpoint
DROP POLICY support_plans_insert ON support_plans;--> statement-breakpoint
DROP POLICY support_plans_update ON support_plans;--> statement-breakpoint
CREATE POLICY support_plans_read ON support_plans FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id));--> statement-breakpoint
CREATE POLICY support_plans_insert ON support_plans FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id));--> statement-breakpoint
CREATE POLICY support_plans_update ON support_plans FOR UPDATE
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id));--> statement-breakpoint
DROP POLICY support_plan_reviews_read ON support_plan_reviews;--> statement-breakpoint
DROP POLICY support_plan_reviews_insert ON support_plan_reviews;--> statement-breakpoint
CREATE POLICY support_plan_reviews_read ON support_plan_reviews FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plan_reviews.household_id));--> statement-breakpoint
CREATE POLICY support_plan_reviews_insert ON support_plan_reviews FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plan_reviews.household_id)
    AND EXISTS (SELECT 1 FROM support_plans p WHERE p.id = support_plan_reviews.plan_id
      AND p.household_id = support_plan_reviews.household_id));--> statement-breakpoint
-- The new records follow their household the same way: visible and writable while it is.
ALTER TABLE household_consents ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE household_consents FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY household_consents_read ON household_consents FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_consents.household_id));--> statement-breakpoint
CREATE POLICY household_consents_insert ON household_consents FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_consents.household_id));--> statement-breakpoint
CREATE POLICY household_consents_update ON household_consents FOR UPDATE
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_consents.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_consents.household_id));--> statement-breakpoint
ALTER TABLE household_documents ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE household_documents FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY household_documents_read ON household_documents FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_documents.household_id));--> statement-breakpoint
CREATE POLICY household_documents_insert ON household_documents FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_documents.household_id)
    AND (referral_id IS NULL OR EXISTS (SELECT 1 FROM referrals r WHERE r.id = household_documents.referral_id
      AND r.household_id = household_documents.household_id)));--> statement-breakpoint
ALTER TABLE support_interventions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE support_interventions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY support_interventions_read ON support_interventions FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = support_interventions.household_id));--> statement-breakpoint
CREATE POLICY support_interventions_insert ON support_interventions FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = support_interventions.household_id));--> statement-breakpoint
ALTER TABLE household_exits ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE household_exits FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY household_exits_read ON household_exits FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_exits.household_id));--> statement-breakpoint
CREATE POLICY household_exits_insert ON household_exits FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_exits.household_id));--> statement-breakpoint
ALTER TABLE household_follow_ups ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE household_follow_ups FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY household_follow_ups_read ON household_follow_ups FOR SELECT
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_follow_ups.household_id));--> statement-breakpoint
CREATE POLICY household_follow_ups_insert ON household_follow_ups FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_follow_ups.household_id)
    AND EXISTS (SELECT 1 FROM household_exits e WHERE e.id = household_follow_ups.exit_id
      AND e.household_id = household_follow_ups.household_id));--> statement-breakpoint
CREATE POLICY household_follow_ups_update ON household_follow_ups FOR UPDATE
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = household_follow_ups.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = household_follow_ups.household_id));--> statement-breakpoint
-- A household's withdrawal flags follow its consents. A household is "withdrawn" for a purpose when
-- it withdrew a consent for it and has none in force; no record at all means nothing was withdrawn.
-- The update runs as the owner with the programme and withdrawn scopes: the partner who records a
-- withdrawal could not otherwise write a row it will no longer see.
CREATE FUNCTION app_sync_household_consent() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog
  SET app.scope = 'all' SET app.withdrawn = 'visible' AS $$
BEGIN
  UPDATE households h SET
    processing_withdrawn_at = (
      SELECT max(c.withdrawn_at) FROM household_consents c
      WHERE c.household_id = h.id AND c.purpose = 'processing'
      HAVING bool_and(c.withdrawn_at IS NOT NULL)),
    special_categories_withdrawn_at = (
      SELECT max(c.withdrawn_at) FROM household_consents c
      WHERE c.household_id = h.id AND c.purpose = 'special_categories'
      HAVING bool_and(c.withdrawn_at IS NOT NULL))
  WHERE h.id = NEW.household_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_sync_household_consent() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER household_consents_sync AFTER INSERT OR UPDATE ON household_consents
  FOR EACH ROW EXECUTE FUNCTION app_sync_household_consent();
