CREATE TABLE "support_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"date" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"autonomy" jsonb NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"start_date" date NOT NULL,
	"intensity" text NOT NULL,
	"review_every_months" smallint DEFAULT 3 NOT NULL,
	"team" jsonb NOT NULL,
	"goals" jsonb NOT NULL,
	"signatures" jsonb NOT NULL,
	"next_review_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_plans_status_check" CHECK ("support_plans"."status" in ('active', 'closed')),
	CONSTRAINT "support_plans_intensity_check" CHECK ("support_plans"."intensity" in ('low', 'medium', 'high')),
	CONSTRAINT "support_plans_review_every_check" CHECK ("support_plans"."review_every_months" between 1 and 24)
);
--> statement-breakpoint
ALTER TABLE "support_plan_reviews" ADD CONSTRAINT "support_plan_reviews_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_reviews" ADD CONSTRAINT "support_plan_reviews_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_reviews" ADD CONSTRAINT "support_plan_reviews_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_plan_reviews_plan_idx" ON "support_plan_reviews" USING btree ("plan_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plans_active_key" ON "support_plans" USING btree ("household_id") WHERE "support_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "support_plans_next_review_idx" ON "support_plans" USING btree ("next_review_date");--> statement-breakpoint
-- A support plan and its reviews follow their household: visible and writable while the household is.
ALTER TABLE support_plans ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE support_plans FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY support_plans_read ON support_plans FOR SELECT
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id));--> statement-breakpoint
CREATE POLICY support_plans_insert ON support_plans FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id));--> statement-breakpoint
CREATE POLICY support_plans_update ON support_plans FOR UPDATE
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id))
  WITH CHECK ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id));--> statement-breakpoint
ALTER TABLE support_plan_reviews ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE support_plan_reviews FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY support_plan_reviews_read ON support_plan_reviews FOR SELECT
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM households h WHERE h.id = support_plan_reviews.household_id));--> statement-breakpoint
CREATE POLICY support_plan_reviews_insert ON support_plan_reviews FOR INSERT
  WITH CHECK ((SELECT app_sees_all())
    OR (EXISTS (SELECT 1 FROM households h WHERE h.id = support_plan_reviews.household_id)
      AND EXISTS (SELECT 1 FROM support_plans p WHERE p.id = support_plan_reviews.plan_id
        AND p.household_id = support_plan_reviews.household_id)));
