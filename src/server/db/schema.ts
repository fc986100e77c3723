// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    area: text("area"),
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    check("organisations_kind_check", sql`${t.kind} in ('comune', 'partner')`),
    check("organisations_area_check", sql`${t.area} is null or ${t.area} in ('A', 'B')`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself only lives in the cookie. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const buildings = pgTable("buildings", {
  code: text("code").primaryKey(),
  address: text("address").notNull(),
  town: text("town").notNull(),
  municipio: smallint("municipio"),
  createdAt: createdAt(),
});

export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    address: text("address").notNull(),
    town: text("town").notNull(),
    municipio: smallint("municipio"),
    buildingCode: text("building_code").references(() => buildings.code),
    floor: smallint("floor").notNull(),
    lift: boolean("lift").notNull(),
    surfaceM2: numeric("surface_m2", { precision: 7, scale: 2, mode: "number" }).notNull(),
    rooms: smallint("rooms").notNull(),
    bedrooms: smallint("bedrooms").notNull(),
    stepFree: boolean("step_free").notNull(),
    wheelchairAdapted: boolean("wheelchair_adapted").notNull(),
    energyClass: text("energy_class"),
    origin: text("origin").notNull(),
    category: text("category").notNull(),
    managingPartnerId: uuid("managing_partner_id").references(() => organisations.id),
    comodatoPartnerId: uuid("comodato_partner_id").references(() => organisations.id),
    comodatoStart: date("comodato_start"),
    comodatoEnd: date("comodato_end"),
    condition: text("condition").notNull(),
    status: text("status").notNull(),
    notes: text("notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    /** Lower-cased code, address and building, for substring search with a plain LIKE. */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(code || ' ' || address || ' ' || coalesce(building_code, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("units_surface_check", sql`${t.surfaceM2} > 0`),
    check("units_municipio_check", sql`${t.municipio} between 1 and 9`),
    check("units_rooms_check", sql`${t.rooms} >= 1 and ${t.bedrooms} between 0 and ${t.rooms}`),
    check(
      "units_origin_check",
      sql`${t.origin} in ('municipal', 'confiscated', 'hinterland', 'partner', 'private')`,
    ),
    check("units_category_check", sql`${t.category} in ('calmierato', 'calmierato_ridotto', 'fragilita')`),
    check(
      "units_status_check",
      sql`${t.status} in ('to_renovate', 'renovating', 'available', 'offered', 'let', 'vacating', 'unavailable')`,
    ),
    check("units_condition_check", sql`${t.condition} in ('good', 'fair', 'poor', 'uninhabitable')`),
    // Status, category, origin, municipio and partner have few distinct values: a scan beats an index
    // there, and every index slows bulk imports (bench/units-list.bench.ts measures both).
    index("units_town_idx").on(sql`lower(${t.town})`),
    index("units_surface_idx").on(t.surfaceM2),
    index("units_updated_idx").on(t.updatedAt),
  ],
);

export const unitEvents = pgTable(
  "unit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    kind: text("kind").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    changes: jsonb("changes").notNull().default(sql`'{}'::jsonb`),
    note: text("note").notNull().default(""),
  },
  (t) => [index("unit_events_unit_idx").on(t.unitId, t.at)],
);
