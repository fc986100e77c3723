CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_id" uuid,
	"author_id" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"folder" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"body_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_documents_folder_check" CHECK ("library_documents"."folder" in ('convention', 'governance', 'procedures', 'reporting', 'templates', 'other'))
);
--> statement-breakpoint
CREATE TABLE "library_versions" (
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid,
	"organisation_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_versions_document_id_version_pk" PRIMARY KEY("document_id","version")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text DEFAULT 'none' NOT NULL,
	"emailed_at" timestamp with time zone,
	"email_error" text,
	CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('decision', 'action_overdue', 'referral_awaiting', 'offer_awaiting', 'announcement')),
	CONSTRAINT "notifications_email_check" CHECK ("notifications"."email_status" in ('none', 'pending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_documents" ADD CONSTRAINT "library_documents_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_documents" ADD CONSTRAINT "library_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_document_id_library_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."library_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcements_published_idx" ON "announcements" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "library_documents_title_key" ON "library_documents" USING btree ("folder","title");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_subject_key" ON "notifications" USING btree ("user_id","subject_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."email_status" = 'pending';--> statement-breakpoint
-- The partners' shared workspace. Announcements and the library are every staff scope's to read (not a
-- tenant's); the programme's scope publishes announcements; any staff scope adds documents and
-- versions, each version signed with the uploader's own organisation. A notification is its
-- account's alone; the system scope (no account: the sweep and the mail dispatcher) writes them and
-- marks them sent. Nothing is deleted.
ALTER TABLE announcements ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE announcements FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY announcements_read ON announcements FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY announcements_insert ON announcements FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON announcements FROM casacomune_app;--> statement-breakpoint
ALTER TABLE library_documents ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE library_documents FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY library_documents_read ON library_documents FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY library_documents_insert ON library_documents FOR INSERT
  WITH CHECK ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY library_documents_update ON library_documents FOR UPDATE
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()))
  WITH CHECK ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON library_documents FROM casacomune_app;--> statement-breakpoint
ALTER TABLE library_versions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE library_versions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY library_versions_read ON library_versions FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY library_versions_insert ON library_versions FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON library_versions FROM casacomune_app;--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY notifications_read ON notifications FOR SELECT
  USING (user_id = (SELECT app_user()) OR ((SELECT app_sees_all()) AND (SELECT app_user()) IS NULL));--> statement-breakpoint
CREATE POLICY notifications_insert ON notifications FOR INSERT WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY notifications_update ON notifications FOR UPDATE
  USING (user_id = (SELECT app_user()) OR ((SELECT app_sees_all()) AND (SELECT app_user()) IS NULL))
  WITH CHECK (user_id = (SELECT app_user()) OR ((SELECT app_sees_all()) AND (SELECT app_user()) IS NULL));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON notifications FROM casacomune_app;
