CREATE TABLE "allocation_rules_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active_from" timestamp with time zone NOT NULL,
	CONSTRAINT "allocation_rules_versions_version_unique" UNIQUE("version"),
	CONSTRAINT "allocation_rules_versions_version_check" CHECK ("allocation_rules_versions"."version" >= 1),
	CONSTRAINT "allocation_rules_versions_reason_check" CHECK (length(trim("allocation_rules_versions"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "allocation_rules_versions" ADD CONSTRAINT "allocation_rules_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The rules versions are a record of decisions: the application may append and read, never change
-- or remove one (a new version supersedes the last).
REVOKE UPDATE, DELETE, TRUNCATE ON allocation_rules_versions FROM casacomune_app;--> statement-breakpoint
CREATE FUNCTION allocation_rules_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'allocation rules versions are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER allocation_rules_versions_append_only BEFORE UPDATE OR DELETE ON allocation_rules_versions
  FOR EACH ROW EXECUTE FUNCTION allocation_rules_refuse_change();--> statement-breakpoint
CREATE TRIGGER allocation_rules_versions_no_truncate BEFORE TRUNCATE ON allocation_rules_versions
  FOR EACH STATEMENT EXECUTE FUNCTION allocation_rules_refuse_change();--> statement-breakpoint
-- The published criteria are read by every signed-in role; only the Comune's scope adds a version,
-- in its own name.
ALTER TABLE allocation_rules_versions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE allocation_rules_versions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY allocation_rules_versions_read ON allocation_rules_versions FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL);--> statement-breakpoint
CREATE POLICY allocation_rules_versions_insert ON allocation_rules_versions FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) AND created_by = (SELECT app_user()));
