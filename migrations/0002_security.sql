CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"entity" text,
	"entity_id" text,
	"address" text,
	"outcome" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_outcome_check" CHECK ("audit_events"."outcome" in ('success', 'denied', 'failure'))
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_head_single_row" CHECK ("audit_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"address" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"succeeded" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_logins" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "fiscal_code" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_address_idx" ON "login_attempts" USING btree ("address","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_fiscal_code_key" ON "users" USING btree ("fiscal_code");--> statement-breakpoint
-- The application's own role: owns nothing, no BYPASSRLS. Requests run as this role (the PostgreSQL
-- pool connects as it; PGlite switches to it with SET LOCAL ROLE in every request transaction).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'casacomune_app') THEN
    CREATE ROLE casacomune_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO casacomune_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO casacomune_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO casacomune_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO casacomune_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO casacomune_app;--> statement-breakpoint
-- The audit trail: the application may append and read, never change or remove.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM casacomune_app;--> statement-breakpoint
REVOKE INSERT, DELETE, TRUNCATE ON audit_head FROM casacomune_app;--> statement-breakpoint
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));--> statement-breakpoint
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
-- Who is asking, as set by the application at the start of each request transaction. Unset means
-- nothing is visible: every policy fails closed.
CREATE FUNCTION app_org() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.org', true), '')::uuid
$$;--> statement-breakpoint
CREATE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user', true), '')::uuid
$$;--> statement-breakpoint
CREATE FUNCTION app_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('app.org', true), '') IS NOT NULL
    AND current_setting('app.scope', true) = 'all', false)
$$;--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()) OR id = (SELECT app_user()));--> statement-breakpoint
CREATE POLICY users_insert ON users FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY users_update ON users FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY users_delete ON users FOR DELETE USING ((SELECT app_sees_all()));--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY sessions_own ON sessions FOR ALL
  USING ((SELECT app_sees_all()) OR user_id = (SELECT app_user()))
  WITH CHECK ((SELECT app_sees_all()) OR user_id = (SELECT app_user()));--> statement-breakpoint
ALTER TABLE units ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE units FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY units_read ON units FOR SELECT
  USING ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY units_insert ON units FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY units_update ON units FOR UPDATE
  USING ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR managing_partner_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY units_delete ON units FOR DELETE USING ((SELECT app_sees_all()));--> statement-breakpoint
ALTER TABLE unit_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE unit_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- A unit's history follows the unit: the subquery on units is itself filtered by units' policies.
CREATE POLICY unit_events_read ON unit_events FOR SELECT
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM units u WHERE u.id = unit_events.unit_id));--> statement-breakpoint
CREATE POLICY unit_events_insert ON unit_events FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM units u WHERE u.id = unit_events.unit_id));--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY audit_events_read ON audit_events FOR SELECT
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
-- A partner's requests append records of their own organisation only; the Comune's and the sign-in
-- machinery's (which records anonymous refusals and every account's sign-in) any.
CREATE POLICY audit_events_append ON audit_events FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));
