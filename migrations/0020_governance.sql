CREATE TABLE "governance_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"decision_id" uuid,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_actions_status_check" CHECK ("governance_actions"."status" in ('open', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "governance_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "governance_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "governance_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"reports_to_id" uuid,
	"area" text,
	"municipio" smallint,
	"established_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_bodies_level_check" CHECK ("governance_bodies"."level" in ('directive', 'management', 'project')),
	CONSTRAINT "governance_bodies_area_check" CHECK ("governance_bodies"."area" is null or "governance_bodies"."area" in ('A', 'B')),
	CONSTRAINT "governance_bodies_municipio_check" CHECK ("governance_bodies"."municipio" is null or "governance_bodies"."municipio" between 1 and 9),
	CONSTRAINT "governance_bodies_reports_check" CHECK (("governance_bodies"."level" = 'directive') = ("governance_bodies"."reports_to_id" is null))
);
--> statement-breakpoint
CREATE TABLE "governance_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"mode" text NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"abstentions" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_decisions_mode_check" CHECK ("governance_decisions"."mode" in ('vote', 'consensus')),
	CONSTRAINT "governance_decisions_votes_check" CHECK (("governance_decisions"."mode" = 'vote') = ("governance_decisions"."votes_for" is not null and "governance_decisions"."votes_against" is not null and "governance_decisions"."abstentions" is not null))
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"date" date NOT NULL,
	"starts_at" text,
	"place" text DEFAULT '' NOT NULL,
	"agenda" jsonb NOT NULL,
	"annual_review" boolean DEFAULT false NOT NULL,
	"minutes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governance_members_role_check" CHECK ("governance_members"."role" in ('chair', 'member', 'administrative_referent', 'technical_referent')),
	CONSTRAINT "governance_members_dates_check" CHECK ("governance_members"."to_on" is null or "governance_members"."to_on" >= "governance_members"."from_on")
);
--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_decision_id_governance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."governance_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attachments" ADD CONSTRAINT "governance_attachments_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attachments" ADD CONSTRAINT "governance_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_member_id_governance_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."governance_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_reports_to_id_governance_bodies_id_fk" FOREIGN KEY ("reports_to_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_actions_body_idx" ON "governance_actions" USING btree ("body_id","due_on");--> statement-breakpoint
CREATE INDEX "governance_actions_owner_idx" ON "governance_actions" USING btree ("owner_organisation_id","status");--> statement-breakpoint
CREATE INDEX "governance_attachments_meeting_idx" ON "governance_attachments" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_bodies_name_key" ON "governance_bodies" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_bodies_directive_key" ON "governance_bodies" USING btree ("level") WHERE "governance_bodies"."level" = 'directive';--> statement-breakpoint
CREATE UNIQUE INDEX "governance_decisions_number_key" ON "governance_decisions" USING btree ("body_id","number");--> statement-breakpoint
CREATE INDEX "governance_meetings_body_idx" ON "governance_meetings" USING btree ("body_id","date");--> statement-breakpoint
CREATE INDEX "governance_members_body_idx" ON "governance_members" USING btree ("body_id","from_on");--> statement-breakpoint
-- Governance is the programme's shared record: every staff scope reads it (not a tenant's). The
-- programme's scope (the Comune, Area A, the steering board) writes it; a partner changes only the
-- actions its organisation owns. Nothing is deleted: memberships end, actions are cancelled.
ALTER TABLE governance_bodies ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_bodies FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_bodies_read ON governance_bodies FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY governance_bodies_insert ON governance_bodies FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY governance_bodies_update ON governance_bodies FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON governance_bodies FROM casacomune_app;--> statement-breakpoint
ALTER TABLE governance_members ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_members FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_members_read ON governance_members FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY governance_members_insert ON governance_members FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY governance_members_update ON governance_members FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON governance_members FROM casacomune_app;--> statement-breakpoint
ALTER TABLE governance_meetings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_meetings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_meetings_read ON governance_meetings FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY governance_meetings_insert ON governance_meetings FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY governance_meetings_update ON governance_meetings FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON governance_meetings FROM casacomune_app;--> statement-breakpoint
ALTER TABLE governance_attendance ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_attendance FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_attendance_read ON governance_attendance FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
-- Attendance is recorded with the minutes: replaced as a whole while the programme corrects them.
CREATE POLICY governance_attendance_insert ON governance_attendance FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY governance_attendance_delete ON governance_attendance FOR DELETE USING ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, TRUNCATE ON governance_attendance FROM casacomune_app;--> statement-breakpoint
ALTER TABLE governance_attachments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_attachments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_attachments_read ON governance_attachments FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY governance_attachments_insert ON governance_attachments FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON governance_attachments FROM casacomune_app;--> statement-breakpoint
ALTER TABLE governance_decisions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_decisions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_decisions_read ON governance_decisions FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY governance_decisions_insert ON governance_decisions FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
-- A decision, once numbered, is the body's record: it is not changed.
REVOKE UPDATE, DELETE, TRUNCATE ON governance_decisions FROM casacomune_app;--> statement-breakpoint
ALTER TABLE governance_actions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE governance_actions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY governance_actions_read ON governance_actions FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY governance_actions_insert ON governance_actions FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY governance_actions_update ON governance_actions FOR UPDATE
  USING ((SELECT app_sees_all()) OR owner_organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR owner_organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON governance_actions FROM casacomune_app;
