CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"requested_cents" bigint NOT NULL,
	"submitted_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decided_on" date,
	"awarded_cents" bigint,
	"outcome_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "funding_applications_status_check" CHECK ("funding_applications"."status" in ('submitted', 'awarded', 'rejected', 'withdrawn')),
	CONSTRAINT "funding_applications_requested_check" CHECK ("funding_applications"."requested_cents" > 0),
	CONSTRAINT "funding_applications_award_check" CHECK (("funding_applications"."status" = 'awarded') = ("funding_applications"."awarded_cents" is not null) and ("funding_applications"."awarded_cents" is null or "funding_applications"."awarded_cents" between 1 and "funding_applications"."requested_cents")),
	CONSTRAINT "funding_applications_decided_check" CHECK (("funding_applications"."status" = 'submitted') = ("funding_applications"."decided_on" is null))
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder" text NOT NULL,
	"title" text NOT NULL,
	"area" text,
	"deadline" date NOT NULL,
	"max_amount_cents" bigint,
	"fit" text NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "funding_calls_area_check" CHECK ("funding_calls"."area" is null or "funding_calls"."area" in ('A', 'B')),
	CONSTRAINT "funding_calls_fit_check" CHECK ("funding_calls"."fit" in ('high', 'medium', 'low')),
	CONSTRAINT "funding_calls_amount_check" CHECK ("funding_calls"."max_amount_cents" is null or "funding_calls"."max_amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"donor" text NOT NULL,
	"area" text,
	"amount_cents" bigint NOT NULL,
	"pledged_on" date NOT NULL,
	"expected_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"application_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_pledges_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "funding_pledges_source_check" CHECK ("funding_pledges"."source" in ('grant', 'equity', 'fundraising', 'calls', 'co_financing_a', 'co_financing_b')),
	CONSTRAINT "funding_pledges_area_check" CHECK ("funding_pledges"."area" is null or "funding_pledges"."area" in ('A', 'B')),
	CONSTRAINT "funding_pledges_amount_check" CHECK ("funding_pledges"."amount_cents" > 0),
	CONSTRAINT "funding_pledges_dates_check" CHECK ("funding_pledges"."expected_on" >= "funding_pledges"."pledged_on")
);
--> statement-breakpoint
CREATE TABLE "funding_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pledge_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" date NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_receipts_amount_check" CHECK ("funding_receipts"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "lenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lenders_name_unique" UNIQUE("name"),
	CONSTRAINT "lenders_kind_check" CHECK ("lenders"."kind" in ('bank', 'ethical_finance', 'foundation', 'public_body', 'other'))
);
--> statement-breakpoint
CREATE TABLE "loan_guarantees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_offer_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "loan_guarantees_kind_check" CHECK ("loan_guarantees"."kind" in ('bank', 'insurance', 'confidi', 'other')),
	CONSTRAINT "loan_guarantees_amount_check" CHECK ("loan_guarantees"."amount_cents" > 0),
	CONSTRAINT "loan_guarantees_dates_check" CHECK ("loan_guarantees"."expires_on" > "loan_guarantees"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "loan_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lender_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"principal_cents" bigint NOT NULL,
	"annual_rate" numeric(8, 6) NOT NULL,
	"years" integer NOT NULL,
	"method" text NOT NULL,
	"grace_months" integer DEFAULT 0 NOT NULL,
	"convention" text DEFAULT 'nominal' NOT NULL,
	"offered_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"decided_on" date,
	"disbursed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "loan_offers_status_check" CHECK ("loan_offers"."status" in ('offered', 'accepted', 'declined')),
	CONSTRAINT "loan_offers_method_check" CHECK ("loan_offers"."method" in ('french', 'italian')),
	CONSTRAINT "loan_offers_convention_check" CHECK ("loan_offers"."convention" in ('nominal', 'effective')),
	CONSTRAINT "loan_offers_terms_check" CHECK ("loan_offers"."principal_cents" > 0 and "loan_offers"."annual_rate" >= 0 and "loan_offers"."years" between 1 and 25 and "loan_offers"."grace_months" >= 0 and "loan_offers"."grace_months" < "loan_offers"."years" * 12),
	CONSTRAINT "loan_offers_validity_check" CHECK ("loan_offers"."valid_until" >= "loan_offers"."offered_on"),
	CONSTRAINT "loan_offers_decision_check" CHECK (("loan_offers"."status" = 'offered') = ("loan_offers"."decided_on" is null) and ("loan_offers"."status" = 'accepted') = ("loan_offers"."disbursed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "loan_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_offer_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"principal_cents" bigint NOT NULL,
	"interest_cents" bigint NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_payments_amount_check" CHECK ("loan_payments"."principal_cents" >= 0 and "loan_payments"."interest_cents" >= 0 and "loan_payments"."principal_cents" + "loan_payments"."interest_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_pledges" ADD CONSTRAINT "funding_pledges_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_pledges" ADD CONSTRAINT "funding_pledges_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_pledges" ADD CONSTRAINT "funding_pledges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_receipts" ADD CONSTRAINT "funding_receipts_pledge_id_funding_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."funding_pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_receipts" ADD CONSTRAINT "funding_receipts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lenders" ADD CONSTRAINT "lenders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lenders" ADD CONSTRAINT "lenders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_guarantees" ADD CONSTRAINT "loan_guarantees_loan_offer_id_loan_offers_id_fk" FOREIGN KEY ("loan_offer_id") REFERENCES "public"."loan_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_guarantees" ADD CONSTRAINT "loan_guarantees_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_offers" ADD CONSTRAINT "loan_offers_lender_id_lenders_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."lenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_offers" ADD CONSTRAINT "loan_offers_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_offers" ADD CONSTRAINT "loan_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_payments" ADD CONSTRAINT "loan_payments_loan_offer_id_loan_offers_id_fk" FOREIGN KEY ("loan_offer_id") REFERENCES "public"."loan_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_payments" ADD CONSTRAINT "loan_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_applications_call_partner_idx" ON "funding_applications" USING btree ("call_id","partner_id");--> statement-breakpoint
CREATE INDEX "funding_applications_partner_idx" ON "funding_applications" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "funding_pledges_partner_idx" ON "funding_pledges" USING btree ("partner_id","source");--> statement-breakpoint
CREATE INDEX "funding_receipts_pledge_idx" ON "funding_receipts" USING btree ("pledge_id");--> statement-breakpoint
CREATE INDEX "loan_guarantees_loan_idx" ON "loan_guarantees" USING btree ("loan_offer_id");--> statement-breakpoint
CREATE INDEX "loan_offers_partner_idx" ON "loan_offers" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "loan_payments_loan_idx" ON "loan_payments" USING btree ("loan_offer_id","paid_on");--> statement-breakpoint
ALTER TABLE funding_calls ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE funding_calls FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY funding_calls_read ON funding_calls FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY funding_calls_insert ON funding_calls FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY funding_calls_update ON funding_calls FOR UPDATE
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON funding_calls FROM casacomune_app;--> statement-breakpoint
ALTER TABLE funding_applications ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE funding_applications FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY funding_applications_partner ON funding_applications FOR ALL
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON funding_applications FROM casacomune_app;--> statement-breakpoint
ALTER TABLE funding_pledges ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE funding_pledges FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY funding_pledges_partner ON funding_pledges FOR ALL
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON funding_pledges FROM casacomune_app;--> statement-breakpoint
ALTER TABLE funding_receipts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE funding_receipts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY funding_receipts_follow ON funding_receipts FOR ALL
  USING (EXISTS (SELECT 1 FROM funding_pledges p WHERE p.id = funding_receipts.pledge_id))
  WITH CHECK (EXISTS (SELECT 1 FROM funding_pledges p WHERE p.id = funding_receipts.pledge_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON funding_receipts FROM casacomune_app;--> statement-breakpoint
ALTER TABLE lenders ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE lenders FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY lenders_read ON lenders FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY lenders_insert ON lenders FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON lenders FROM casacomune_app;--> statement-breakpoint
ALTER TABLE loan_offers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE loan_offers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY loan_offers_partner ON loan_offers FOR ALL
  USING ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR partner_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON loan_offers FROM casacomune_app;--> statement-breakpoint
ALTER TABLE loan_guarantees ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE loan_guarantees FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY loan_guarantees_follow ON loan_guarantees FOR ALL
  USING (EXISTS (SELECT 1 FROM loan_offers o WHERE o.id = loan_guarantees.loan_offer_id))
  WITH CHECK (EXISTS (SELECT 1 FROM loan_offers o WHERE o.id = loan_guarantees.loan_offer_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON loan_guarantees FROM casacomune_app;--> statement-breakpoint
ALTER TABLE loan_payments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE loan_payments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY loan_payments_follow ON loan_payments FOR ALL
  USING (EXISTS (SELECT 1 FROM loan_offers o WHERE o.id = loan_payments.loan_offer_id))
  WITH CHECK (EXISTS (SELECT 1 FROM loan_offers o WHERE o.id = loan_payments.loan_offer_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON loan_payments FROM casacomune_app;
