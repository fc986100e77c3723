CREATE TABLE "unit_status_spans" (
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date
);
--> statement-breakpoint
DROP INDEX "support_plan_reviews_plan_idx";--> statement-breakpoint
CREATE INDEX "unit_status_spans_unit_idx" ON "unit_status_spans" USING btree ("unit_id","from_on");--> statement-breakpoint
CREATE INDEX "support_plan_reviews_plan_idx" ON "support_plan_reviews" USING btree ("plan_id","date","created_at");--> statement-breakpoint
-- The spans are derived, never written by the application: this trigger rebuilds, in the same
-- statement, the spans of every unit whose status history the statement changed (so an event dated
-- before later ones still lands in order, and a unit deleted with its events leaves none). It runs as
-- the writer, who sees every event of a unit it may write, and writes only under the policies below.
CREATE FUNCTION unit_status_spans_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT unit_id FROM new_events WHERE to_status IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    touched := ARRAY(SELECT DISTINCT unit_id FROM old_events WHERE to_status IS NOT NULL);
  ELSE
    touched := ARRAY(SELECT unit_id FROM old_events UNION SELECT unit_id FROM new_events);
  END IF;
  IF cardinality(touched) > 0 THEN
    DELETE FROM unit_status_spans WHERE unit_id = ANY (touched);
    INSERT INTO unit_status_spans (unit_id, status, from_on, until_on)
      SELECT e.unit_id, e.to_status, e.d, lead(e.d) OVER (PARTITION BY e.unit_id ORDER BY e.at, e.id)
      FROM (SELECT unit_id, at, id, to_status, (at AT TIME ZONE 'Europe/Rome')::date AS d
            FROM unit_events WHERE to_status IS NOT NULL AND unit_id = ANY (touched)) e;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_events_spans_insert AFTER INSERT ON unit_events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION unit_status_spans_refresh();--> statement-breakpoint
CREATE TRIGGER unit_events_spans_update AFTER UPDATE ON unit_events
  REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION unit_status_spans_refresh();--> statement-breakpoint
CREATE TRIGGER unit_events_spans_delete AFTER DELETE ON unit_events
  REFERENCING OLD TABLE AS old_events
  FOR EACH STATEMENT EXECUTE FUNCTION unit_status_spans_refresh();--> statement-breakpoint
INSERT INTO unit_status_spans (unit_id, status, from_on, until_on)
  SELECT e.unit_id, e.to_status, e.d, lead(e.d) OVER (PARTITION BY e.unit_id ORDER BY e.at, e.id)
  FROM (SELECT unit_id, at, id, to_status, (at AT TIME ZONE 'Europe/Rome')::date AS d
        FROM unit_events WHERE to_status IS NOT NULL) e;--> statement-breakpoint
-- Visible, and replaced, with the unit, as its events are; no one updates them.
ALTER TABLE unit_status_spans ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE unit_status_spans FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY unit_status_spans_read ON unit_status_spans FOR SELECT
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM units u WHERE u.id = unit_status_spans.unit_id));--> statement-breakpoint
CREATE POLICY unit_status_spans_insert ON unit_status_spans FOR INSERT
  WITH CHECK ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM units u WHERE u.id = unit_status_spans.unit_id));--> statement-breakpoint
CREATE POLICY unit_status_spans_delete ON unit_status_spans FOR DELETE
  USING ((SELECT app_sees_all()) OR EXISTS (SELECT 1 FROM units u WHERE u.id = unit_status_spans.unit_id));--> statement-breakpoint
REVOKE UPDATE, TRUNCATE ON unit_status_spans FROM casacomune_app;
