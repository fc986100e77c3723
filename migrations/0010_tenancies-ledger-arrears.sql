CREATE SEQUENCE "public"."maintenance_ticket_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."notice_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."tenancy_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "arrears_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"stage" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "arrears_cases_status_check" CHECK ("arrears_cases"."status" in ('open', 'closed')),
	CONSTRAINT "arrears_cases_stage_check" CHECK ("arrears_cases"."stage" in ('signal', 'reminder', 'meeting', 'repayment_plan', 'fund_referral', 'legal'))
);
--> statement-breakpoint
CREATE TABLE "arrears_policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"policy" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrears_policy_versions_version_unique" UNIQUE("version"),
	CONSTRAINT "arrears_policy_versions_reason_check" CHECK (length(trim("arrears_policy_versions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "arrears_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"taken_on" date NOT NULL,
	"balance_cents" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"lines" integer NOT NULL,
	"matched" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bank_imports_format_check" CHECK ("bank_imports"."format" in ('csv', 'camt053'))
);
--> statement-breakpoint
CREATE TABLE "bank_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"booked_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"payer" text DEFAULT '' NOT NULL,
	"remittance" text DEFAULT '' NOT NULL,
	"bank_reference" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"tenancy_id" uuid,
	"matched_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "bank_lines_amount_check" CHECK ("bank_lines"."amount_cents" > 0),
	CONSTRAINT "bank_lines_status_check" CHECK ("bank_lines"."status" in ('matched', 'unmatched', 'assigned', 'dismissed')),
	CONSTRAINT "bank_lines_tenancy_check" CHECK (("bank_lines"."tenancy_id" is not null) = ("bank_lines"."status" in ('matched', 'assigned')))
);
--> statement-breakpoint
CREATE TABLE "charge_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_by" uuid,
	"run_at" timestamp with time zone NOT NULL,
	"created" integer NOT NULL,
	"unchanged" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"due_on" date NOT NULL,
	"days_charged" smallint NOT NULL,
	"days_in_month" smallint NOT NULL,
	"notice_number" text NOT NULL,
	"run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charges_notice_number_unique" UNIQUE("notice_number"),
	CONSTRAINT "charges_kind_check" CHECK ("charges"."kind" in ('rent', 'service')),
	CONSTRAINT "charges_amount_check" CHECK ("charges"."amount_cents" > 0),
	CONSTRAINT "charges_days_check" CHECK ("charges"."days_charged" between 1 and "charges"."days_in_month")
);
--> statement-breakpoint
CREATE TABLE "economic_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"tenancy_id" uuid,
	"case_id" uuid,
	"kind" text NOT NULL,
	"referred_on" date NOT NULL,
	"referred_by" uuid,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_on" date,
	"amount_cents" bigint,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "economic_referrals_kind_check" CHECK ("economic_referrals"."kind" in ('financial_education', 'microcredit', 'involuntary_arrears_fund', 'regional_solidarity')),
	CONSTRAINT "economic_referrals_outcome_check" CHECK ("economic_referrals"."outcome" in ('pending', 'granted', 'refused', 'completed', 'dropped')),
	CONSTRAINT "economic_referrals_amount_check" CHECK ("economic_referrals"."amount_cents" is null or "economic_referrals"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_periods" (
	"period" text PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "ledger_periods_period_check" CHECK ("ledger_periods"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "maintenance_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'MAN-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('maintenance_ticket_seq')::text, 5, '0') NOT NULL,
	"unit_id" uuid NOT NULL,
	"tenancy_id" uuid,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee" text DEFAULT '' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"opened_by" uuid,
	"opened_by_tenant" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "maintenance_tickets_reference_unique" UNIQUE("reference"),
	CONSTRAINT "maintenance_tickets_category_check" CHECK ("maintenance_tickets"."category" in ('plumbing', 'electrical', 'heating', 'appliances', 'doors_windows', 'damp_mould', 'lift_common_areas', 'pests', 'other')),
	CONSTRAINT "maintenance_tickets_urgency_check" CHECK ("maintenance_tickets"."urgency" in ('emergency', 'urgent', 'routine')),
	CONSTRAINT "maintenance_tickets_status_check" CHECK ("maintenance_tickets"."status" in ('open', 'in_progress', 'deferred', 'completed', 'closed', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "move_in_checklists" (
	"tenancy_id" uuid PRIMARY KEY NOT NULL,
	"checklist" jsonb NOT NULL,
	"completed_on" date,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"payer" text DEFAULT '' NOT NULL,
	"bank_line_id" uuid,
	"idempotency_key" text,
	"request_hash" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_bank_line_id_unique" UNIQUE("bank_line_id"),
	CONSTRAINT "payments_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('bank_transfer', 'pagopa', 'cash', 'card', 'other')),
	CONSTRAINT "payments_key_check" CHECK (("payments"."idempotency_key" is null) = ("payments"."request_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "recertifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"income_cents" bigint NOT NULL,
	"isee_cents" bigint,
	"previous_income_cents" bigint,
	"previous_rent_cents" bigint NOT NULL,
	"new_rent_cents" bigint NOT NULL,
	"basis" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recertifications_money_check" CHECK ("recertifications"."income_cents" >= 0 and "recertifications"."previous_rent_cents" >= 0 and "recertifications"."new_rent_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "repayment_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"due_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "repayment_instalments_amount_check" CHECK ("repayment_instalments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "repayment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"total_cents" bigint NOT NULL,
	"start_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	CONSTRAINT "repayment_plans_total_check" CHECK ("repayment_plans"."total_cents" > 0),
	CONSTRAINT "repayment_plans_status_check" CHECK ("repayment_plans"."status" in ('active', 'completed', 'broken', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"assignee_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"arrears_case_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"outcome" text DEFAULT '' NOT NULL,
	CONSTRAINT "tasks_kind_check" CHECK ("tasks"."kind" in ('arrears_signal', 'arrears_meeting', 'recertification')),
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('open', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "tenancy_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"shared_with_tenant" boolean DEFAULT true NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tenancy_documents_kind_check" CHECK ("tenancy_documents"."kind" in ('contract', 'registration', 'inventory', 'recertification_letter', 'other'))
);
--> statement-breakpoint
CREATE TABLE "tenant_information" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"office_hours" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"house_rules" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"building_code" text,
	"unit_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_photos_type_check" CHECK ("ticket_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE TABLE "write_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"written_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "write_offs_amount_check" CHECK ("write_offs"."amount_cents" > 0),
	CONSTRAINT "write_offs_reason_check" CHECK (length(trim("write_offs"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "reference" text DEFAULT 'LOC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('tenancy_reference_seq')::text, 5, '0') NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "contract_type" text;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "start_on" date;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "end_on" date;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "renewal_months" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "notice_months" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "deposit_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "rent_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "service_charge_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "rent_basis" jsonb;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "signatories" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "activated_by" uuid;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "household_id" uuid;--> statement-breakpoint
ALTER TABLE "arrears_cases" ADD CONSTRAINT "arrears_cases_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_cases" ADD CONSTRAINT "arrears_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_policy_versions" ADD CONSTRAINT "arrears_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_steps" ADD CONSTRAINT "arrears_steps_case_id_arrears_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."arrears_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_steps" ADD CONSTRAINT "arrears_steps_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_steps" ADD CONSTRAINT "arrears_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_imports" ADD CONSTRAINT "bank_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_imports" ADD CONSTRAINT "bank_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_import_id_bank_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bank_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_runs" ADD CONSTRAINT "charge_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_runs" ADD CONSTRAINT "charge_runs_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_run_id_charge_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."charge_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_referrals" ADD CONSTRAINT "economic_referrals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_referrals" ADD CONSTRAINT "economic_referrals_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_referrals" ADD CONSTRAINT "economic_referrals_case_id_arrears_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."arrears_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economic_referrals" ADD CONSTRAINT "economic_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_periods" ADD CONSTRAINT "ledger_periods_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_in_checklists" ADD CONSTRAINT "move_in_checklists_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_in_checklists" ADD CONSTRAINT "move_in_checklists_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_bank_line_id_bank_lines_id_fk" FOREIGN KEY ("bank_line_id") REFERENCES "public"."bank_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recertifications" ADD CONSTRAINT "recertifications_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recertifications" ADD CONSTRAINT "recertifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_instalments" ADD CONSTRAINT "repayment_instalments_plan_id_repayment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."repayment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_instalments" ADD CONSTRAINT "repayment_instalments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_case_id_arrears_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."arrears_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_arrears_case_id_arrears_cases_id_fk" FOREIGN KEY ("arrears_case_id") REFERENCES "public"."arrears_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_documents" ADD CONSTRAINT "tenancy_documents_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_documents" ADD CONSTRAINT "tenancy_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_information" ADD CONSTRAINT "tenant_information_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_information" ADD CONSTRAINT "tenant_information_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_notices" ADD CONSTRAINT "tenant_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_notices" ADD CONSTRAINT "tenant_notices_building_code_buildings_code_fk" FOREIGN KEY ("building_code") REFERENCES "public"."buildings"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_notices" ADD CONSTRAINT "tenant_notices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_notices" ADD CONSTRAINT "tenant_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_maintenance_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."maintenance_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_photos" ADD CONSTRAINT "ticket_photos_ticket_id_maintenance_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."maintenance_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_photos" ADD CONSTRAINT "ticket_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_offs" ADD CONSTRAINT "write_offs_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_offs" ADD CONSTRAINT "write_offs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_cases_open_key" ON "arrears_cases" USING btree ("tenancy_id") WHERE "arrears_cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "arrears_cases_household_idx" ON "arrears_cases" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "arrears_steps_case_idx" ON "arrears_steps" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_imports_file_key" ON "bank_imports" USING btree ("organisation_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_lines_import_line_key" ON "bank_lines" USING btree ("import_id","line_no");--> statement-breakpoint
CREATE INDEX "bank_lines_queue_idx" ON "bank_lines" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "charge_runs_period_idx" ON "charge_runs" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "charges_tenancy_period_kind_key" ON "charges" USING btree ("tenancy_id","period","kind");--> statement-breakpoint
CREATE INDEX "charges_period_idx" ON "charges" USING btree ("period");--> statement-breakpoint
CREATE INDEX "economic_referrals_household_idx" ON "economic_referrals" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_unit_idx" ON "maintenance_tickets" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_status_idx" ON "maintenance_tickets" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "payments_tenancy_idx" ON "payments" USING btree ("tenancy_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "recertifications_tenancy_effective_key" ON "recertifications" USING btree ("tenancy_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_instalments_key" ON "repayment_instalments" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_plans_active_key" ON "repayment_plans" USING btree ("case_id") WHERE "repayment_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "tasks_household_idx" ON "tasks" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "tenancy_documents_tenancy_idx" ON "tenancy_documents" USING btree ("tenancy_id");--> statement-breakpoint
CREATE INDEX "tenant_notices_organisation_idx" ON "tenant_notices" USING btree ("organisation_id","published_on");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "ticket_photos_ticket_idx" ON "ticket_photos" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "write_offs_tenancy_idx" ON "write_offs" USING btree ("tenancy_id");--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_activated_by_users_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_reference_unique" UNIQUE("reference");--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_contract_type_check" CHECK ("tenancies"."contract_type" is null or "tenancies"."contract_type" in ('calmierato', 'calmierato_ridotto', 'ospitalita', 'comodato', 'housing_first'));--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_money_check" CHECK ("tenancies"."rent_cents" >= 0 and "tenancies"."service_charge_cents" >= 0 and "tenancies"."deposit_cents" >= 0);--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_term_check" CHECK ("tenancies"."end_on" is null or "tenancies"."end_on" >= "tenancies"."start_on");--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_active_check" CHECK ("tenancies"."status" <> 'active' or ("tenancies"."contract_type" is not null and "tenancies"."start_on" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_household_check" CHECK ("users"."household_id" is null or "users"."role" = 'tenant');--> statement-breakpoint
-- A tenant's requests run with scope 'tenant', no organisation and their household: they read their own
-- tenancy, its unit, ledger, documents, tickets and notices, and change nothing but their own tickets.
CREATE FUNCTION app_is_tenant() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.scope', true) = 'tenant', false)
$$;--> statement-breakpoint
CREATE FUNCTION app_household() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.scope', true) = 'tenant'
    THEN nullif(current_setting('app.household', true), '')::uuid END
$$;--> statement-breakpoint
CREATE POLICY tenancies_tenant_read ON tenancies FOR SELECT
  USING (household_id = (SELECT app_household()));--> statement-breakpoint
CREATE POLICY units_tenant_read ON units FOR SELECT
  USING ((SELECT app_is_tenant()) AND id IN (
    SELECT t.unit_id FROM tenancies t WHERE t.household_id = (SELECT app_household()) AND t.status IN ('active', 'ended')));--> statement-breakpoint
-- Tables that follow a tenancy: whoever sees the tenancy reads them; staff who see it add to them.
ALTER TABLE tenancy_documents ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenancy_documents FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenancy_documents_read ON tenancy_documents FOR SELECT
  USING (EXISTS (SELECT 1 FROM tenancies t WHERE t.id = tenancy_documents.tenancy_id)
    AND (NOT (SELECT app_is_tenant()) OR shared_with_tenant));--> statement-breakpoint
CREATE POLICY tenancy_documents_insert ON tenancy_documents FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = tenancy_documents.tenancy_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON tenancy_documents FROM casacomune_app;--> statement-breakpoint
ALTER TABLE recertifications ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE recertifications FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY recertifications_read ON recertifications FOR SELECT
  USING (EXISTS (SELECT 1 FROM tenancies t WHERE t.id = recertifications.tenancy_id));--> statement-breakpoint
CREATE POLICY recertifications_insert ON recertifications FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = recertifications.tenancy_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON recertifications FROM casacomune_app;--> statement-breakpoint
ALTER TABLE charges ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE charges FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY charges_read ON charges FOR SELECT
  USING (EXISTS (SELECT 1 FROM tenancies t WHERE t.id = charges.tenancy_id));--> statement-breakpoint
CREATE POLICY charges_insert ON charges FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = charges.tenancy_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON charges FROM casacomune_app;--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY payments_read ON payments FOR SELECT
  USING (EXISTS (SELECT 1 FROM tenancies t WHERE t.id = payments.tenancy_id));--> statement-breakpoint
CREATE POLICY payments_insert ON payments FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = payments.tenancy_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON payments FROM casacomune_app;--> statement-breakpoint
ALTER TABLE write_offs ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE write_offs FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY write_offs_read ON write_offs FOR SELECT
  USING (EXISTS (SELECT 1 FROM tenancies t WHERE t.id = write_offs.tenancy_id));--> statement-breakpoint
CREATE POLICY write_offs_insert ON write_offs FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = write_offs.tenancy_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON write_offs FROM casacomune_app;--> statement-breakpoint
ALTER TABLE move_in_checklists ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE move_in_checklists FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY move_in_checklists_read ON move_in_checklists FOR SELECT
  USING (EXISTS (SELECT 1 FROM tenancies t WHERE t.id = move_in_checklists.tenancy_id));--> statement-breakpoint
CREATE POLICY move_in_checklists_insert ON move_in_checklists FOR INSERT
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = move_in_checklists.tenancy_id));--> statement-breakpoint
CREATE POLICY move_in_checklists_update ON move_in_checklists FOR UPDATE
  USING (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = move_in_checklists.tenancy_id))
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = move_in_checklists.tenancy_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON move_in_checklists FROM casacomune_app;--> statement-breakpoint
-- Months are the programme's: every staff role reads whether a month is closed; the Comune closes it.
ALTER TABLE ledger_periods ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ledger_periods FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ledger_periods_read ON ledger_periods FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY ledger_periods_write ON ledger_periods FOR ALL
  USING ((SELECT app_sees_all())) WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON ledger_periods FROM casacomune_app;--> statement-breakpoint
-- Charge runs and bank statements belong to the organisation that ran or imported them.
ALTER TABLE charge_runs ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE charge_runs FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY charge_runs_own ON charge_runs FOR ALL
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON charge_runs FROM casacomune_app;--> statement-breakpoint
ALTER TABLE bank_imports ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE bank_imports FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY bank_imports_own ON bank_imports FOR ALL
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON bank_imports FROM casacomune_app;--> statement-breakpoint
ALTER TABLE bank_lines ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE bank_lines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY bank_lines_own ON bank_lines FOR ALL
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK (((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
    AND (tenancy_id IS NULL OR EXISTS (SELECT 1 FROM tenancies t WHERE t.id = bank_lines.tenancy_id)));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON bank_lines FROM casacomune_app;--> statement-breakpoint
ALTER TABLE arrears_policy_versions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE arrears_policy_versions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY arrears_policy_versions_read ON arrears_policy_versions FOR SELECT
  USING ((SELECT app_org()) IS NOT NULL AND NOT (SELECT app_is_tenant()));--> statement-breakpoint
CREATE POLICY arrears_policy_versions_insert ON arrears_policy_versions FOR INSERT
  WITH CHECK ((SELECT app_sees_all()));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON arrears_policy_versions FROM casacomune_app;--> statement-breakpoint
-- Arrears work, tasks and economic referrals follow the household (tenants never see them).
ALTER TABLE arrears_cases ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE arrears_cases FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY arrears_cases_household ON arrears_cases FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = arrears_cases.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = arrears_cases.household_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON arrears_cases FROM casacomune_app;--> statement-breakpoint
ALTER TABLE arrears_steps ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE arrears_steps FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY arrears_steps_household ON arrears_steps FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = arrears_steps.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = arrears_steps.household_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON arrears_steps FROM casacomune_app;--> statement-breakpoint
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tasks_household ON tasks FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = tasks.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = tasks.household_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON tasks FROM casacomune_app;--> statement-breakpoint
ALTER TABLE repayment_plans ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE repayment_plans FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY repayment_plans_household ON repayment_plans FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = repayment_plans.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = repayment_plans.household_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON repayment_plans FROM casacomune_app;--> statement-breakpoint
ALTER TABLE repayment_instalments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE repayment_instalments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY repayment_instalments_household ON repayment_instalments FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = repayment_instalments.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = repayment_instalments.household_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON repayment_instalments FROM casacomune_app;--> statement-breakpoint
ALTER TABLE economic_referrals ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE economic_referrals FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY economic_referrals_household ON economic_referrals FOR ALL
  USING (EXISTS (SELECT 1 FROM households h WHERE h.id = economic_referrals.household_id))
  WITH CHECK (EXISTS (SELECT 1 FROM households h WHERE h.id = economic_referrals.household_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON economic_referrals FROM casacomune_app;--> statement-breakpoint
-- Tickets follow the unit for staff; a tenant sees and opens the tickets of their own tenancy.
ALTER TABLE maintenance_tickets ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE maintenance_tickets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY maintenance_tickets_read ON maintenance_tickets FOR SELECT
  USING ((NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM units u WHERE u.id = maintenance_tickets.unit_id))
    OR tenancy_id IN (SELECT t.id FROM tenancies t WHERE t.household_id = (SELECT app_household())));--> statement-breakpoint
CREATE POLICY maintenance_tickets_insert ON maintenance_tickets FOR INSERT
  WITH CHECK ((NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM units u WHERE u.id = maintenance_tickets.unit_id))
    OR tenancy_id IN (SELECT t.id FROM tenancies t WHERE t.household_id = (SELECT app_household()) AND t.status = 'active'));--> statement-breakpoint
CREATE POLICY maintenance_tickets_update ON maintenance_tickets FOR UPDATE
  USING (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM units u WHERE u.id = maintenance_tickets.unit_id))
  WITH CHECK (NOT (SELECT app_is_tenant()) AND EXISTS (SELECT 1 FROM units u WHERE u.id = maintenance_tickets.unit_id));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON maintenance_tickets FROM casacomune_app;--> statement-breakpoint
ALTER TABLE ticket_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ticket_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ticket_events_follow ON ticket_events FOR ALL
  USING (EXISTS (SELECT 1 FROM maintenance_tickets m WHERE m.id = ticket_events.ticket_id))
  WITH CHECK (EXISTS (SELECT 1 FROM maintenance_tickets m WHERE m.id = ticket_events.ticket_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON ticket_events FROM casacomune_app;--> statement-breakpoint
ALTER TABLE ticket_photos ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ticket_photos FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ticket_photos_follow ON ticket_photos FOR ALL
  USING (EXISTS (SELECT 1 FROM maintenance_tickets m WHERE m.id = ticket_photos.ticket_id))
  WITH CHECK (EXISTS (SELECT 1 FROM maintenance_tickets m WHERE m.id = ticket_photos.ticket_id));--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON ticket_photos FROM casacomune_app;--> statement-breakpoint
-- Notices: the publishing organisation (and the Comune) manage them; a tenant reads those of the
-- organisation managing their unit, addressed to everyone, to their building or to their unit.
ALTER TABLE tenant_notices ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenant_notices FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_notices_staff ON tenant_notices FOR ALL
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY tenant_notices_tenant_read ON tenant_notices FOR SELECT
  USING ((SELECT app_is_tenant()) AND EXISTS (
    SELECT 1 FROM units u JOIN tenancies t ON t.unit_id = u.id
    WHERE t.household_id = (SELECT app_household()) AND t.status = 'active'
      AND u.managing_partner_id = tenant_notices.organisation_id
      AND (tenant_notices.unit_id IS NULL OR tenant_notices.unit_id = u.id)
      AND (tenant_notices.building_code IS NULL OR tenant_notices.building_code = u.building_code)));--> statement-breakpoint
ALTER TABLE tenant_information ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenant_information FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_information_read ON tenant_information FOR SELECT USING ((SELECT app_org()) IS NOT NULL);--> statement-breakpoint
CREATE POLICY tenant_information_write ON tenant_information FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
CREATE POLICY tenant_information_update ON tenant_information FOR UPDATE
  USING ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()))
  WITH CHECK ((SELECT app_sees_all()) OR organisation_id = (SELECT app_org()));--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON tenant_information FROM casacomune_app;
