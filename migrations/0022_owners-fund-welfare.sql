CREATE TABLE "common_spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"use" text DEFAULT '' NOT NULL,
	"capacity" smallint,
	"bookable" boolean DEFAULT false NOT NULL,
	"surface_m2" numeric(7, 2),
	"rules" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "common_spaces_kind_check" CHECK ("common_spaces"."kind" in ('common', 'non_residential')),
	CONSTRAINT "common_spaces_bookable_check" CHECK (not "common_spaces"."bookable" or "common_spaces"."kind" = 'common')
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"entry_on" date NOT NULL,
	"counterpart" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"decision_id" uuid,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_entries_kind_check" CHECK ("fund_entries"."kind" in ('contribution', 'expense')),
	CONSTRAINT "fund_entries_amount_check" CHECK ("fund_entries"."amount_cents" > 0),
	CONSTRAINT "fund_entries_status_check" CHECK (("fund_entries"."kind" = 'contribution' and "fund_entries"."status" = 'recorded') or ("fund_entries"."kind" = 'expense' and "fund_entries"."status" in ('proposed', 'approved', 'rejected'))),
	CONSTRAINT "fund_entries_decision_check" CHECK (("fund_entries"."status" = 'approved') = ("fund_entries"."decision_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "guarantee_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"terms" text NOT NULL,
	"max_cover_cents" integer NOT NULL,
	"max_months" smallint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guarantee_schemes_kind_check" CHECK ("guarantee_schemes"."kind" in ('rent_guarantee_fund', 'damage_cover')),
	CONSTRAINT "guarantee_schemes_figures_check" CHECK ("guarantee_schemes"."max_cover_cents" > 0 and "guarantee_schemes"."max_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "guarantee_uptakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"cover_cents" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guarantee_uptakes_dates_check" CHECK ("guarantee_uptakes"."to_on" >= "guarantee_uptakes"."from_on"),
	CONSTRAINT "guarantee_uptakes_cover_check" CHECK ("guarantee_uptakes"."cover_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "owner_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"channel" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_contacts_channel_check" CHECK ("owner_contacts"."channel" in ('phone', 'email', 'meeting', 'event', 'letter')),
	CONSTRAINT "owner_contacts_outcome_check" CHECK ("owner_contacts"."outcome" in ('interested', 'not_interested', 'follow_up', 'unit_offered'))
);
--> statement-breakpoint
CREATE TABLE "owner_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"address" text NOT NULL,
	"town" text NOT NULL,
	"municipio" smallint,
	"surface_m2" numeric(7, 2) NOT NULL,
	"rooms" smallint NOT NULL,
	"asked_rent_cents" integer NOT NULL,
	"offered_on" date NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"decided_on" date,
	"reason" text DEFAULT '' NOT NULL,
	"unit_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "owner_offers_status_check" CHECK ("owner_offers"."status" in ('offered', 'under_review', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "owner_offers_unit_check" CHECK (("owner_offers"."status" = 'accepted') = ("owner_offers"."unit_id" is not null)),
	CONSTRAINT "owner_offers_figures_check" CHECK ("owner_offers"."surface_m2" > 0 and "owner_offers"."rooms" > 0 and "owner_offers"."asked_rent_cents" >= 0),
	CONSTRAINT "owner_offers_place_check" CHECK (("owner_offers"."municipio" is null or ("owner_offers"."municipio" between 1 and 9 and "owner_offers"."town" = 'Milano')))
);
--> statement-breakpoint
CREATE TABLE "private_owners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"town" text NOT NULL,
	"municipio" smallint,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "private_owners_kind_check" CHECK ("private_owners"."kind" in ('individual', 'company', 'association', 'agency')),
	CONSTRAINT "private_owners_place_check" CHECK (("private_owners"."municipio" is null or ("private_owners"."municipio" between 1 and 9 and "private_owners"."town" = 'Milano')))
);
--> statement-breakpoint
CREATE TABLE "space_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"booked_for" date NOT NULL,
	"from_time" text NOT NULL,
	"to_time" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_bookings_times_check" CHECK ("space_bookings"."to_time" > "space_bookings"."from_time"),
	CONSTRAINT "space_bookings_status_check" CHECK ("space_bookings"."status" in ('booked', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "welfare_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer NOT NULL,
	"residents" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "welfare_activities_counts_check" CHECK ("welfare_activities"."participants" >= 0 and "welfare_activities"."residents" >= 0 and "welfare_activities"."residents" <= "welfare_activities"."participants")
);
--> statement-breakpoint
CREATE TABLE "welfare_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"building_code" text,
	"town" text NOT NULL,
	"municipio" smallint,
	"organisation_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "welfare_services_kind_check" CHECK ("welfare_services"."kind" in ('social_concierge', 'condominium_library', 'shared_nurse', 'home_delivery', 'after_school', 'meeting_room', 'other')),
	CONSTRAINT "welfare_services_place_check" CHECK (("welfare_services"."municipio" is null or ("welfare_services"."municipio" between 1 and 9 and "welfare_services"."town" = 'Milano'))),
	CONSTRAINT "welfare_services_dates_check" CHECK ("welfare_services"."ended_on" is null or "welfare_services"."ended_on" >= "welfare_services"."started_on")
);
--> statement-breakpoint
ALTER TABLE "common_spaces" ADD CONSTRAINT "common_spaces_building_code_buildings_code_fk" FOREIGN KEY ("building_code") REFERENCES "public"."buildings"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_spaces" ADD CONSTRAINT "common_spaces_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_decision_id_governance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."governance_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_uptakes" ADD CONSTRAINT "guarantee_uptakes_scheme_id_guarantee_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."guarantee_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_uptakes" ADD CONSTRAINT "guarantee_uptakes_offer_id_owner_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."owner_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_uptakes" ADD CONSTRAINT "guarantee_uptakes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_contacts" ADD CONSTRAINT "owner_contacts_owner_id_private_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."private_owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_contacts" ADD CONSTRAINT "owner_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_contacts" ADD CONSTRAINT "owner_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_offers" ADD CONSTRAINT "owner_offers_owner_id_private_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."private_owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_offers" ADD CONSTRAINT "owner_offers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_offers" ADD CONSTRAINT "owner_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_owners" ADD CONSTRAINT "private_owners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_bookings" ADD CONSTRAINT "space_bookings_space_id_common_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."common_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_bookings" ADD CONSTRAINT "space_bookings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_bookings" ADD CONSTRAINT "space_bookings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_activities" ADD CONSTRAINT "welfare_activities_service_id_welfare_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."welfare_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_activities" ADD CONSTRAINT "welfare_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_services" ADD CONSTRAINT "welfare_services_building_code_buildings_code_fk" FOREIGN KEY ("building_code") REFERENCES "public"."buildings"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_services" ADD CONSTRAINT "welfare_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "common_spaces_name_key" ON "common_spaces" USING btree ("building_code","name");--> statement-breakpoint
CREATE INDEX "fund_entries_body_idx" ON "fund_entries" USING btree ("body_id","entry_on");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_schemes_name_key" ON "guarantee_schemes" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_uptakes_key" ON "guarantee_uptakes" USING btree ("scheme_id","offer_id");--> statement-breakpoint
CREATE INDEX "owner_contacts_owner_idx" ON "owner_contacts" USING btree ("owner_id","contacted_on");--> statement-breakpoint
CREATE INDEX "owner_offers_owner_idx" ON "owner_offers" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_offers_unit_key" ON "owner_offers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "space_bookings_space_idx" ON "space_bookings" USING btree ("space_id","booked_for");--> statement-breakpoint
CREATE INDEX "welfare_activities_service_idx" ON "welfare_activities" USING btree ("service_id","held_on");--> statement-breakpoint
-- Private owners (line A.4) are the programme's outreach: their contacts and homes are read and written
-- by the programme's scope only (partners of Area B do not see owners' details). The schemes' terms are
-- every staff scope's to read. The community fund of a Municipio network is shared among the partners:
-- any staff scope records a contribution or proposes an expense for its own organisation; the
-- programme's scope approves or rejects an expense with the coordination's decision. A shared service,
-- its activities, the common spaces and their bookings are every staff scope's to read and the
-- managing organisation's (or the programme's) to write. Nothing is deleted: a booking is cancelled.
ALTER TABLE private_owners ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE private_owners FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY private_owners_programme ON private_owners FOR ALL
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON private_owners FROM casacomune_app;--> statement-breakpoint
ALTER TABLE owner_contacts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE owner_contacts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY owner_contacts_programme ON owner_contacts FOR ALL
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON owner_contacts FROM casacomune_app;--> statement-breakpoint
ALTER TABLE owner_offers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE owner_offers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY owner_offers_programme ON owner_offers FOR ALL
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON owner_offers FROM casacomune_app;--> statement-breakpoint
ALTER TABLE guarantee_uptakes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE guarantee_uptakes FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY guarantee_uptakes_programme ON guarantee_uptakes FOR ALL
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON guarantee_uptakes FROM casacomune_app;--> statement-breakpoint
ALTER TABLE guarantee_schemes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE guarantee_schemes FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY guarantee_schemes_read ON guarantee_schemes FOR SELECT USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY guarantee_schemes_insert ON guarantee_schemes FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY guarantee_schemes_update ON guarantee_schemes FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON guarantee_schemes FROM casacomune_app;--> statement-breakpoint
ALTER TABLE fund_entries ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE fund_entries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY fund_entries_read ON fund_entries FOR SELECT USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY fund_entries_insert ON fund_entries FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
CREATE POLICY fund_entries_update ON fund_entries FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON fund_entries FROM casacomune_app;--> statement-breakpoint
ALTER TABLE welfare_services ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE welfare_services FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY welfare_services_read ON welfare_services FOR SELECT USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY welfare_services_insert ON welfare_services FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
CREATE POLICY welfare_services_update ON welfare_services FOR UPDATE
  USING (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())))
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON welfare_services FROM casacomune_app;--> statement-breakpoint
ALTER TABLE welfare_activities ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE welfare_activities FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY welfare_activities_read ON welfare_activities FOR SELECT USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY welfare_activities_insert ON welfare_activities FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
CREATE POLICY welfare_activities_update ON welfare_activities FOR UPDATE
  USING (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())))
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON welfare_activities FROM casacomune_app;--> statement-breakpoint
ALTER TABLE common_spaces ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE common_spaces FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY common_spaces_read ON common_spaces FOR SELECT USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY common_spaces_insert ON common_spaces FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
CREATE POLICY common_spaces_update ON common_spaces FOR UPDATE
  USING (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())))
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON common_spaces FROM casacomune_app;--> statement-breakpoint
ALTER TABLE space_bookings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE space_bookings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY space_bookings_read ON space_bookings FOR SELECT USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY space_bookings_insert ON space_bookings FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
CREATE POLICY space_bookings_update ON space_bookings FOR UPDATE
  USING (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())))
  WITH CHECK (NOT (SELECT app_is_tenant()) AND ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org())));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON space_bookings FROM casacomune_app;
