-- Notices published by the Comune reach every tenant (or the tenants of the building or unit they
-- name); a partner's notices still reach only the tenants of the units it manages.
DROP POLICY tenant_notices_tenant_read ON tenant_notices;--> statement-breakpoint
CREATE POLICY tenant_notices_tenant_read ON tenant_notices FOR SELECT
  USING ((SELECT app_is_tenant()) AND EXISTS (
    SELECT 1 FROM units u JOIN tenancies t ON t.unit_id = u.id
    WHERE t.household_id = (SELECT app_household()) AND t.status = 'active'
      AND (u.managing_partner_id = tenant_notices.organisation_id
        OR EXISTS (SELECT 1 FROM organisations o
          WHERE o.id = tenant_notices.organisation_id AND o.kind = 'comune'))
      AND (tenant_notices.unit_id IS NULL OR tenant_notices.unit_id = u.id)
      AND (tenant_notices.building_code IS NULL OR tenant_notices.building_code = u.building_code)));
