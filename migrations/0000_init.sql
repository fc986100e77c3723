CREATE TABLE "buildings" (
	"code" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"town" text NOT NULL,
	"municipio" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code"),
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('comune', 'partner')),
	CONSTRAINT "organisations_area_check" CHECK ("organisations"."area" is null or "organisations"."area" in ('A', 'B'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"address" text NOT NULL,
	"town" text NOT NULL,
	"municipio" smallint,
	"building_code" text,
	"floor" smallint NOT NULL,
	"lift" boolean NOT NULL,
	"surface_m2" numeric(7, 2) NOT NULL,
	"rooms" smallint NOT NULL,
	"bedrooms" smallint NOT NULL,
	"step_free" boolean NOT NULL,
	"wheelchair_adapted" boolean NOT NULL,
	"energy_class" text,
	"origin" text NOT NULL,
	"category" text NOT NULL,
	"managing_partner_id" uuid,
	"comodato_partner_id" uuid,
	"comodato_start" date,
	"comodato_end" date,
	"condition" text NOT NULL,
	"status" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code"),
	CONSTRAINT "units_surface_check" CHECK ("units"."surface_m2" > 0),
	CONSTRAINT "units_municipio_check" CHECK ("units"."municipio" between 1 and 9),
	CONSTRAINT "units_rooms_check" CHECK ("units"."rooms" >= 1 and "units"."bedrooms" between 0 and "units"."rooms"),
	CONSTRAINT "units_origin_check" CHECK ("units"."origin" in ('municipal', 'confiscated', 'hinterland', 'partner', 'private')),
	CONSTRAINT "units_category_check" CHECK ("units"."category" in ('calmierato', 'calmierato_ridotto', 'fragilita')),
	CONSTRAINT "units_status_check" CHECK ("units"."status" in ('to_renovate', 'renovating', 'available', 'offered', 'let', 'vacating', 'unavailable')),
	CONSTRAINT "units_condition_check" CHECK ("units"."condition" in ('good', 'fair', 'poor', 'uninhabitable'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_code_buildings_code_fk" FOREIGN KEY ("building_code") REFERENCES "public"."buildings"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_managing_partner_id_organisations_id_fk" FOREIGN KEY ("managing_partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_comodato_partner_id_organisations_id_fk" FOREIGN KEY ("comodato_partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "unit_events_unit_idx" ON "unit_events" USING btree ("unit_id","at");--> statement-breakpoint
CREATE INDEX "units_status_idx" ON "units" USING btree ("status");--> statement-breakpoint
CREATE INDEX "units_category_idx" ON "units" USING btree ("category");--> statement-breakpoint
CREATE INDEX "units_origin_idx" ON "units" USING btree ("origin");--> statement-breakpoint
CREATE INDEX "units_town_idx" ON "units" USING btree ("town");--> statement-breakpoint
CREATE INDEX "units_municipio_idx" ON "units" USING btree ("municipio");--> statement-breakpoint
CREATE INDEX "units_partner_idx" ON "units" USING btree ("managing_partner_id");--> statement-breakpoint
CREATE INDEX "units_updated_idx" ON "units" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));