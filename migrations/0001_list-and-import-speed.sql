DROP INDEX "units_status_idx";--> statement-breakpoint
DROP INDEX "units_category_idx";--> statement-breakpoint
DROP INDEX "units_origin_idx";--> statement-breakpoint
DROP INDEX "units_municipio_idx";--> statement-breakpoint
DROP INDEX "units_partner_idx";--> statement-breakpoint
DROP INDEX "units_town_idx";--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(code || ' ' || address || ' ' || coalesce(building_code, ''))) STORED;--> statement-breakpoint
CREATE INDEX "units_surface_idx" ON "units" USING btree ("surface_m2");--> statement-breakpoint
CREATE INDEX "units_town_idx" ON "units" USING btree (lower("town"));