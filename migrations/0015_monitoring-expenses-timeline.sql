CREATE SEQUENCE "public"."expense_claim_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "expense_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"line" text NOT NULL,
	"funding_source" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "expense_budgets_line_check" CHECK ("expense_budgets"."line" in ('A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3')),
	CONSTRAINT "expense_budgets_source_check" CHECK ("expense_budgets"."funding_source" in ('grant', 'equity', 'fundraising', 'calls', 'co_financing_a', 'co_financing_b')),
	CONSTRAINT "expense_budgets_amount_check" CHECK ("expense_budgets"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "expense_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'REN-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('expense_claim_reference_seq')::text, 5, '0') NOT NULL,
	"partner_id" uuid NOT NULL,
	"line" text NOT NULL,
	"funding_source" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text DEFAULT '' NOT NULL,
	"reimbursement_requested_at" timestamp with time zone,
	"paid_on" date,
	"paid_cents" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "expense_claims_reference_unique" UNIQUE("reference"),
	CONSTRAINT "expense_claims_line_check" CHECK ("expense_claims"."line" in ('A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3')),
	CONSTRAINT "expense_claims_source_check" CHECK ("expense_claims"."funding_source" in ('grant', 'equity', 'fundraising', 'calls', 'co_financing_a', 'co_financing_b')),
	CONSTRAINT "expense_claims_status_check" CHECK ("expense_claims"."status" in ('draft', 'submitted', 'approved', 'partly_approved', 'rejected', 'reimbursement_requested', 'paid')),
	CONSTRAINT "expense_claims_period_check" CHECK ("expense_claims"."period_to" >= "expense_claims"."period_from"),
	CONSTRAINT "expense_claims_paid_check" CHECK (("expense_claims"."paid_on" is null) = ("expense_claims"."paid_cents" is null))
);
--> statement-breakpoint
CREATE TABLE "expense_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issuer" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"in_use" boolean DEFAULT true NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_documents_kind_check" CHECK ("expense_documents"."kind" in ('invoice', 'proof_of_payment', 'timesheet'))
);
--> statement-breakpoint
CREATE TABLE "expense_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"description" text NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"incurred_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"approved_cents" bigint,
	"rejection_reason" text,
	CONSTRAINT "expense_lines_amount_check" CHECK ("expense_lines"."amount_cents" > 0),
	CONSTRAINT "expense_lines_approved_check" CHECK ("expense_lines"."approved_cents" is null or "expense_lines"."approved_cents" between 0 and "expense_lines"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"due_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_targets_kind_check" CHECK ("indicator_targets"."kind" in ('baseline', 'intermediate', 'final'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_period_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_period_events_action_check" CHECK ("monitoring_period_events"."action" in ('closed', 'reopened')),
	CONSTRAINT "monitoring_period_events_reason_check" CHECK ("monitoring_period_events"."action" <> 'reopened' or length(trim("monitoring_period_events"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"granularity" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_periods_granularity_check" CHECK ("monitoring_periods"."granularity" in ('month', 'quarter', 'year')),
	CONSTRAINT "monitoring_periods_status_check" CHECK ("monitoring_periods"."status" in ('open', 'closed')),
	CONSTRAINT "monitoring_periods_dates_check" CHECK ("monitoring_periods"."ends_on" >= "monitoring_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "monitoring_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"partner_id" uuid,
	"values" jsonb NOT NULL,
	"values_sha256" text NOT NULL,
	"audit_head" text DEFAULT '' NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"convention_start" date NOT NULL,
	"convention_end" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_settings_single_check" CHECK ("programme_settings"."id"),
	CONSTRAINT "programme_settings_dates_check" CHECK ("programme_settings"."convention_end" > "programme_settings"."convention_start")
);
--> statement-breakpoint
CREATE TABLE "timeline_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "timeline_items_line_check" CHECK ("timeline_items"."line" in ('A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3')),
	CONSTRAINT "timeline_items_kind_check" CHECK ("timeline_items"."kind" in ('phase', 'milestone')),
	CONSTRAINT "timeline_items_status_check" CHECK ("timeline_items"."status" in ('not_started', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "timeline_items_planned_check" CHECK ("timeline_items"."planned_end" >= "timeline_items"."planned_start"),
	CONSTRAINT "timeline_items_milestone_check" CHECK ("timeline_items"."kind" <> 'milestone' or "timeline_items"."planned_end" = "timeline_items"."planned_start"),
	CONSTRAINT "timeline_items_actual_check" CHECK ("timeline_items"."actual_end" is null or ("timeline_items"."actual_start" is not null and "timeline_items"."actual_end" >= "timeline_items"."actual_start"))
);
--> statement-breakpoint
ALTER TABLE "expense_budgets" ADD CONSTRAINT "expense_budgets_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_budgets" ADD CONSTRAINT "expense_budgets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_documents" ADD CONSTRAINT "expense_documents_line_id_expense_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."expense_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_documents" ADD CONSTRAINT "expense_documents_claim_id_expense_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."expense_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_documents" ADD CONSTRAINT "expense_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_claim_id_expense_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."expense_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_period_events" ADD CONSTRAINT "monitoring_period_events_period_id_monitoring_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."monitoring_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_period_events" ADD CONSTRAINT "monitoring_period_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_snapshots" ADD CONSTRAINT "monitoring_snapshots_period_id_monitoring_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."monitoring_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_snapshots" ADD CONSTRAINT "monitoring_snapshots_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_snapshots" ADD CONSTRAINT "monitoring_snapshots_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_items" ADD CONSTRAINT "timeline_items_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_items" ADD CONSTRAINT "timeline_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expense_budgets_key" ON "expense_budgets" USING btree ("partner_id","line","funding_source");--> statement-breakpoint
CREATE INDEX "expense_claims_partner_idx" ON "expense_claims" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "expense_documents_line_idx" ON "expense_documents" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "expense_documents_claim_idx" ON "expense_documents" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_documents_file_key" ON "expense_documents" USING btree ("sha256") WHERE "expense_documents"."in_use";--> statement-breakpoint
CREATE UNIQUE INDEX "expense_documents_number_key" ON "expense_documents" USING btree ("kind",lower("issuer"),lower("number")) WHERE "expense_documents"."in_use";--> statement-breakpoint
CREATE UNIQUE INDEX "expense_lines_position_key" ON "expense_lines" USING btree ("claim_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_key" ON "indicator_targets" USING btree ("indicator_code","kind","due_on");--> statement-breakpoint
CREATE INDEX "monitoring_period_events_period_idx" ON "monitoring_period_events" USING btree ("period_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_periods_key" ON "monitoring_periods" USING btree ("granularity","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_snapshots_key" ON "monitoring_snapshots" USING btree ("period_id","revision",coalesce("partner_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "timeline_items_line_idx" ON "timeline_items" USING btree ("line","planned_start");--> statement-breakpoint
ALTER TABLE programme_settings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE programme_settings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY programme_settings_read ON programme_settings FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL);--> statement-breakpoint
CREATE POLICY programme_settings_update ON programme_settings FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE INSERT, DELETE, TRUNCATE ON programme_settings FROM casacomune_app;--> statement-breakpoint
INSERT INTO programme_settings (id, convention_start, convention_end) VALUES (true, '2026-01-01', '2050-12-31');--> statement-breakpoint
ALTER TABLE indicator_targets ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE indicator_targets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY indicator_targets_read ON indicator_targets FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY indicator_targets_insert ON indicator_targets FOR INSERT
  WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY indicator_targets_update ON indicator_targets FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY indicator_targets_delete ON indicator_targets FOR DELETE
  USING ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE TRUNCATE ON indicator_targets FROM casacomune_app;--> statement-breakpoint
ALTER TABLE monitoring_periods ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE monitoring_periods FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY monitoring_periods_read ON monitoring_periods FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY monitoring_periods_insert ON monitoring_periods FOR INSERT
  WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
CREATE POLICY monitoring_periods_update ON monitoring_periods FOR UPDATE
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON monitoring_periods FROM casacomune_app;--> statement-breakpoint
ALTER TABLE monitoring_snapshots ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE monitoring_snapshots FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY monitoring_snapshots_read ON monitoring_snapshots FOR SELECT
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY monitoring_snapshots_insert ON monitoring_snapshots FOR INSERT
  WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON monitoring_snapshots FROM casacomune_app;--> statement-breakpoint
ALTER TABLE monitoring_period_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE monitoring_period_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY monitoring_period_events_read ON monitoring_period_events FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY monitoring_period_events_insert ON monitoring_period_events FOR INSERT
  WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON monitoring_period_events FROM casacomune_app;--> statement-breakpoint
ALTER TABLE expense_budgets ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE expense_budgets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY expense_budgets_partner ON expense_budgets FOR ALL
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON expense_budgets FROM casacomune_app;--> statement-breakpoint
ALTER TABLE expense_claims ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE expense_claims FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY expense_claims_partner ON expense_claims FOR ALL
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON expense_claims FROM casacomune_app;--> statement-breakpoint
ALTER TABLE expense_lines ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE expense_lines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY expense_lines_follow ON expense_lines FOR ALL
  USING (EXISTS (SELECT 1 FROM expense_claims c WHERE c.id = expense_lines.claim_id))
  WITH CHECK (EXISTS (SELECT 1 FROM expense_claims c WHERE c.id = expense_lines.claim_id));--> statement-breakpoint
REVOKE TRUNCATE ON expense_lines FROM casacomune_app;--> statement-breakpoint
ALTER TABLE expense_documents ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE expense_documents FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY expense_documents_follow ON expense_documents FOR ALL
  USING (EXISTS (SELECT 1 FROM expense_claims c WHERE c.id = expense_documents.claim_id))
  WITH CHECK (EXISTS (SELECT 1 FROM expense_claims c WHERE c.id = expense_documents.claim_id));--> statement-breakpoint
REVOKE TRUNCATE ON expense_documents FROM casacomune_app;--> statement-breakpoint
ALTER TABLE timeline_items ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE timeline_items FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY timeline_items_read ON timeline_items FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY timeline_items_insert ON timeline_items FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR owner_organisation_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY timeline_items_update ON timeline_items FOR UPDATE
  USING ((SELECT app_sees_all()) OR owner_organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR owner_organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON timeline_items FROM casacomune_app;
