-- Narrow indexes that answer the unit list's counts without reading the units' wide rows. Each
-- carries the id and the managing partner, all the row-level policy reads. The status index also
-- carries the other few-valued filters (category, origin, municipio, step-free): a count under any
-- of them, or none, reads its 100-byte entries instead of every row. The search index carries the
-- code too: a text search's count and page (in code order) read its entries alone (decision 0005).
CREATE INDEX "units_status_idx" ON "units" USING btree ("status") INCLUDE ("id", "managing_partner_id", "category", "origin", "municipio", "step_free");--> statement-breakpoint
CREATE INDEX "units_search_idx" ON "units" USING btree ("search_text") INCLUDE ("id", "managing_partner_id", "code");
