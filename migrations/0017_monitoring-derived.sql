CREATE TABLE "unit_status_spans" (
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date
);
--> statement-breakpoint
DROP INDEX "support_plan_reviews_plan_idx";--> statement-breakpoint
ALTER TABLE "unit_status_spans" ADD CONSTRAINT "unit_status_spans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_status_spans_unit_idx" ON "unit_status_spans" USING btree ("unit_id","from_on");--> statement-breakpoint
CREATE INDEX "support_plan_reviews_plan_idx" ON "support_plan_reviews" USING btree ("plan_id","date","created_at");--> statement-breakpoint
-- The spans are derived, never written by the application: kept by this trigger in the same
-- statement as each new status event, for every unit the statement touched (so an event dated before
-- later ones still lands in order). It runs as the writer, who sees every event of a unit it may
-- write, and writes only under the policies below.
CREATE FUNCTION unit_status_spans_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM unit_status_spans s
    WHERE s.unit_id IN (SELECT n.unit_id FROM new_events n WHERE n.to_status IS NOT NULL);
  INSERT INTO unit_status_spans (unit_id, status, from_on, until_on)
    SELECT e.unit_id, e.to_status, e.d, lead(e.d) OVER (PARTITION BY e.unit_id ORDER BY e.at, e.id)
    FROM (SELECT unit_id, at, id, to_status, (at AT TIME ZONE 'Europe/Rome')::date AS d
          FROM unit_events
          WHERE to_status IS NOT NULL
            AND unit_id IN (SELECT n.unit_id FROM new_events n WHERE n.to_status IS NOT NULL)) e;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_events_status_spans AFTER INSERT ON unit_events
  REFERENCING NEW TABLE AS new_events
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
