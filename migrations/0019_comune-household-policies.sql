CREATE INDEX "households_withdrawn_idx" ON "households" USING btree ("id") WHERE "households"."processing_withdrawn_at" is not null;--> statement-breakpoint
-- A household's records follow it (migration 0005): a row of a table that hangs off a household is
-- visible when its household is. The Comune's scope sees every household but those whose consent to
-- processing was withdrawn, so for it the policies below look the row's household up among those few
-- (read and hashed once per statement) instead of hashing every visible household again for each
-- table a query reads: on the dashboard of bench/indicators that was about a third of the CPU time.
-- Other scopes, and every check of a new row, still ask whether the household is visible.
--
-- The withdrawn households, read as if the reader could see them (only their ids leave the function).
-- The app.withdrawn setting is restored when the function returns.
CREATE FUNCTION app_withdrawn_households() RETURNS uuid[] LANGUAGE sql STABLE
  SET app.withdrawn = 'visible' AS $$
  SELECT coalesce(array_agg(id), '{}') FROM households WHERE processing_withdrawn_at IS NOT NULL
$$;
--> statement-breakpoint
ALTER POLICY allocation_offers_read ON allocation_offers USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR allocation_offers.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = allocation_offers.household_id) END);
--> statement-breakpoint
ALTER POLICY allocation_offers_update ON allocation_offers USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR allocation_offers.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = allocation_offers.household_id) END);
--> statement-breakpoint
ALTER POLICY arrears_cases_household ON arrears_cases USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR arrears_cases.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = arrears_cases.household_id) END);
--> statement-breakpoint
ALTER POLICY arrears_steps_household ON arrears_steps USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR arrears_steps.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = arrears_steps.household_id) END);
--> statement-breakpoint
ALTER POLICY economic_referrals_household ON economic_referrals USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR economic_referrals.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = economic_referrals.household_id) END);
--> statement-breakpoint
ALTER POLICY household_consents_read ON household_consents USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_consents.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_consents.household_id) END);
--> statement-breakpoint
ALTER POLICY household_consents_update ON household_consents USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_consents.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_consents.household_id) END);
--> statement-breakpoint
ALTER POLICY household_documents_read ON household_documents USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_documents.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_documents.household_id) END);
--> statement-breakpoint
ALTER POLICY household_events_read ON household_events USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_events.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_events.household_id) END);
--> statement-breakpoint
ALTER POLICY household_exits_read ON household_exits USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_exits.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_exits.household_id) END);
--> statement-breakpoint
ALTER POLICY household_follow_ups_read ON household_follow_ups USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_follow_ups.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_follow_ups.household_id) END);
--> statement-breakpoint
ALTER POLICY household_follow_ups_update ON household_follow_ups USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_follow_ups.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_follow_ups.household_id) END);
--> statement-breakpoint
ALTER POLICY household_members_all ON household_members USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR household_members.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = household_members.household_id) END);
--> statement-breakpoint
ALTER POLICY repayment_instalments_household ON repayment_instalments USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR repayment_instalments.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = repayment_instalments.household_id) END);
--> statement-breakpoint
ALTER POLICY repayment_plans_household ON repayment_plans USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR repayment_plans.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = repayment_plans.household_id) END);
--> statement-breakpoint
ALTER POLICY support_interventions_read ON support_interventions USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR support_interventions.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = support_interventions.household_id) END);
--> statement-breakpoint
ALTER POLICY support_plan_reviews_read ON support_plan_reviews USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR support_plan_reviews.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = support_plan_reviews.household_id) END);
--> statement-breakpoint
ALTER POLICY support_plans_read ON support_plans USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR support_plans.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id) END);
--> statement-breakpoint
ALTER POLICY support_plans_update ON support_plans USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR support_plans.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = support_plans.household_id) END);
--> statement-breakpoint
ALTER POLICY tasks_household ON tasks USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR tasks.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = tasks.household_id) END);
--> statement-breakpoint
ALTER POLICY tenancies_read ON tenancies USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR tenancies.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = tenancies.household_id) END);
--> statement-breakpoint
ALTER POLICY tenancies_update ON tenancies USING (CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR tenancies.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = tenancies.household_id) END);
--> statement-breakpoint
ALTER POLICY referrals_read ON referrals USING ((CASE WHEN (SELECT app_sees_all())
    THEN (SELECT app_sees_withdrawn()) OR referrals.household_id NOT IN (SELECT unnest(app_withdrawn_households()))
    ELSE EXISTS (SELECT 1 FROM households h WHERE h.id = referrals.household_id) END)
  AND ((SELECT app_sees_all()) OR partner_id = (SELECT app_org())));
