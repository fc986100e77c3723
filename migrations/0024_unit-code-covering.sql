-- The code's unique index carries the id and the managing partner too: a page of the list in code
-- order, at any offset, and the units' row-level policy are then answered from the index alone.
ALTER TABLE "units" DROP CONSTRAINT "units_code_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_unique" ON "units" USING btree ("code") INCLUDE ("id", "managing_partner_id");
