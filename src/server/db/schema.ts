// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Binary content (document files), as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

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
    /** Codice fiscale, upper case: how a SPID/CIE identity maps to this account. */
    fiscalCode: text("fiscal_code"),
    /** For a tenant's account: the household whose tenancy its portal shows. */
    householdId: uuid("household_id").references((): AnyPgColumn => households.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_household_check", sql`${t.householdId} is null or ${t.role} = 'tenant'`),
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_fiscal_code_key").on(t.fiscalCode),
  ],
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
    code: text("code").notNull(),
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
    /**
     * Lower-cased town, for the case-insensitive town filter. A plain column, not an index on
     * `lower(town)`: under row-level security a condition calling `lower()` on a column (a function
     * not marked leakproof) must wait for the policy's check, so it cannot pick rows from an index.
     */
    townKey: text("town_key").generatedAlwaysAs(sql`lower(town)`),
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
      sql`${t.status} in ('to_renovate', 'renovating', 'available', 'offered', 'let_pending', 'let', 'vacating', 'unavailable')`,
    ),
    check("units_condition_check", sql`${t.condition} in ('good', 'fair', 'poor', 'uninhabitable')`),
    // Category, origin, municipio and partner have few distinct values: a scan beats an index there,
    // and every index slows bulk imports (bench/units-list.bench.ts measures both).
    // The code's unique index also carries the id and the managing partner (migration 0024 adds them
    // with INCLUDE, which this builder cannot say): a page in code order, however deep, and its policy
    // check then read the index alone, not the units' rows. The status and search indexes carry them
    // too (migration 0025; the search's also the code): a count by status, or any count and page of
    // a text search, reads a narrow index instead of every wide row (see `listUnitRows`).
    uniqueIndex("units_code_unique").on(t.code),
    index("units_status_idx").on(t.status),
    index("units_search_idx").on(t.searchText),
    index("units_town_idx").on(t.townKey),
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
  (t) => [
    index("unit_events_unit_idx").on(t.unitId, t.at),
    // Each unit's status history in order, read from the index alone by the monitoring's unit-days
    // (occupancy, vacancy): bench/indicators.bench.ts measures it.
    index("unit_events_status_idx")
      .on(t.unitId, t.at, t.id, t.toStatus)
      .where(sql`${t.toStatus} is not null`),
  ],
);

/**
 * Each unit's status history as day intervals [from_on, until_on) in Milan's calendar, derived from
 * `unit_events` by a trigger in the same transaction as each new event (migration 0017): what the
 * monitoring's unit-days (occupancy, vacancy, rent lost) read instead of ordering the events on every
 * request. `until_on` is null for the current status. Never written by the application.
 */
export const unitStatusSpans = pgTable(
  "unit_status_spans",
  {
    // No foreign key: the spans go with the unit's events (the trigger rebuilds them when events are
    // deleted, as they are with their unit), and a key checked per span doubled the cost of the trigger.
    unitId: uuid("unit_id").notNull(),
    status: text("status").notNull(),
    fromOn: date("from_on", { mode: "string" }).notNull(),
    untilOn: date("until_on", { mode: "string" }),
  },
  (t) => [index("unit_status_spans_unit_idx").on(t.unitId, t.fromOn)],
);

/** Sign-in attempts with a password, for per-account and per-address throttling. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The e-mail as typed, lower-cased: throttles an account whether or not it exists. */
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    succeeded: boolean("succeeded").notNull(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.at),
    index("login_attempts_address_idx").on(t.address, t.at),
  ],
);

/** A SPID/CIE sign-in under way: what the callback needs to check the answer (PKCE, state, nonce). */
export const oidcLogins = pgTable("oidc_logins", {
  state: text("state").primaryKey(),
  codeVerifier: text("code_verifier").notNull(),
  nonce: text("nonce").notNull(),
  returnTo: text("return_to").notNull().default("/"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/**
 * The audit trail: append-only (the application role may only insert and read; triggers refuse
 * UPDATE, DELETE and TRUNCATE to everybody) and chained: `hash` is SHA-256 over the previous record's
 * hash and this record's fields (see `src/domain/audit/audit-chain.ts`).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    /** Position in the chain, 1, 2, 3… with no gaps; assigned under the chain-head lock. */
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role"),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    action: text("action").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    address: text("address"),
    outcome: text("outcome").notNull(),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entity, t.entityId, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    check("audit_events_outcome_check", sql`${t.outcome} in ('success', 'denied', 'failure')`),
  ],
);

/** The head of the audit chain: one row, locked by each writer so records chain in order. */
export const auditHead = pgTable(
  "audit_head",
  {
    id: smallint("id").primaryKey().default(1),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [check("audit_head_single_row", sql`${t.id} = 1`)],
);

/**
 * A household (nucleo) on the programme's path. Holds special-category data (needs, income, ISEE):
 * reads are audited, and row-level security limits it to the managing partner and the Comune.
 */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Human reference, e.g. `NUC-2026-00042`. */
    reference: text("reference").notNull().unique(),
    /** The Area B partner that has accepted (or been asked to accept) the household; null when returned. */
    managingPartnerId: uuid("managing_partner_id").references(() => organisations.id),
    referringOrganisationId: uuid("referring_organisation_id")
      .notNull()
      .references(() => organisations.id),
    targetGroup: text("target_group").notNull(),
    category: text("category").notNull(),
    needs: text("needs").array().notNull().default(sql`'{}'::text[]`),
    accessibilityNeed: text("accessibility_need").notNull().default("none"),
    priority: jsonb("priority").notNull(),
    housingSituation: text("housing_situation").notNull(),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    incomeCents: bigint("income_cents", { mode: "number" }),
    iseeCents: bigint("isee_cents", { mode: "number" }),
    iseeDate: date("isee_date"),
    status: text("status").notNull(),
    /** The status a suspended household resumes at. */
    suspendedFrom: text("suspended_from"),
    /**
     * When the household withdrew consent to processing (kept by a trigger on `household_consents`):
     * the row is then hidden from everyone but the data-protection role.
     */
    processingWithdrawnAt: timestamp("processing_withdrawn_at", { withTimezone: true }),
    /** When it withdrew consent to special categories (same trigger): those fields are then hidden. */
    specialCategoriesWithdrawnAt: timestamp("special_categories_withdrawn_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("households_partner_idx").on(t.managingPartnerId),
    // The few households whose consent to processing was withdrawn: what the Comune's policies hide.
    index("households_withdrawn_idx").on(t.id).where(sql`${t.processingWithdrawnAt} is not null`),
    check("households_income_check", sql`${t.incomeCents} >= 0 and ${t.iseeCents} >= 0`),
    check(
      "households_status_check",
      sql`${t.status} in ('referred', 'assessed', 'waiting', 'offered', 'housed', 'exiting', 'exited', 'suspended', 'withdrawn')`,
    ),
  ],
);

/** A member of a household (persona). */
export const householdMembers = pgTable(
  "household_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    fiscalCode: text("fiscal_code").notNull(),
    birthDate: date("birth_date").notNull(),
    sex: text("sex").notNull(),
    citizenship: text("citizenship").notNull(),
    relationship: text("relationship").notNull(),
  },
  (t) => [
    uniqueIndex("household_members_position_key").on(t.householdId, t.position),
    // Not unique: the same person may have an earlier, closed path. Duplicates are looked for.
    index("household_members_fiscal_code_idx").on(t.fiscalCode),
    check("household_members_sex_check", sql`${t.sex} in ('F', 'M', 'X')`),
  ],
);

/** Every status change of a household: who, when, from what to what, why. */
export const householdEvents = pgTable(
  "household_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [index("household_events_household_idx").on(t.householdId, t.at)],
);

/**
 * A referral (invio) of a household by the Comune's social services to an Area B partner, which
 * accepts it or returns it with a reason by the deadline.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    referredBy: uuid("referred_by").references(() => users.id),
    referredAt: timestamp("referred_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** The structured social report: situation, reasons, services involved, urgency. */
    report: jsonb("report").notNull(),
    status: text("status").notNull().default("pending"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by").references(() => users.id),
    returnReason: text("return_reason"),
  },
  (t) => [
    index("referrals_partner_idx").on(t.partnerId, t.status),
    index("referrals_household_idx").on(t.householdId),
    check("referrals_status_check", sql`${t.status} in ('pending', 'accepted', 'returned')`),
  ],
);

/**
 * The individual support plan (progetto individualizzato) of a household: goals, team and signatures
 * as validated by the domain schema. One active plan per household; row-level security follows the
 * household's.
 */
export const supportPlans = pgTable(
  "support_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("active"),
    startDate: date("start_date").notNull(),
    intensity: text("intensity").notNull(),
    reviewEveryMonths: smallint("review_every_months").notNull().default(3),
    team: jsonb("team").notNull(),
    goals: jsonb("goals").notNull(),
    signatures: jsonb("signatures").notNull(),
    /** The date the next review is due: kept with each write so overdue plans are one query. */
    nextReviewDate: date("next_review_date").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("support_plans_active_key").on(t.householdId).where(sql`${t.status} = 'active'`),
    index("support_plans_next_review_idx").on(t.nextReviewDate),
    check("support_plans_status_check", sql`${t.status} in ('active', 'closed')`),
    check("support_plans_intensity_check", sql`${t.intensity} in ('low', 'medium', 'high')`),
    check("support_plans_review_every_check", sql`${t.reviewEveryMonths} between 1 and 24`),
  ],
);

/** A review (verifica) of a support plan, with the autonomy assessment by domain (1–5). */
export const supportPlanReviews = pgTable(
  "support_plan_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supportPlans.id, { onDelete: "cascade" }),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    notes: text("notes").notNull().default(""),
    autonomy: jsonb("autonomy").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  // In order within each plan, as the monitoring reads them to find each review's previous one.
  (t) => [index("support_plan_reviews_plan_idx").on(t.planId, t.date, t.createdAt)],
);

/** A consent of a household (consenso): purpose, given on, recorded by; withdrawn on, by. */
export const householdConsents = pgTable(
  "household_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    givenOn: date("given_on").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    withdrawnOn: date("withdrawn_on"),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    note: text("note").notNull().default(""),
  },
  (t) => [
    index("household_consents_household_idx").on(t.householdId, t.purpose),
    check(
      "household_consents_purpose_check",
      sql`${t.purpose} in ('processing', 'special_categories', 'follow_up_contact')`,
    ),
    check(
      "household_consents_withdrawn_check",
      sql`${t.withdrawnOn} is null or ${t.withdrawnOn} >= ${t.givenOn}`,
    ),
  ],
);

/** A document of a household, with its expiry and, optionally, the file (referral attachments too). */
export const householdDocuments = pgTable(
  "household_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    referralId: uuid("referral_id").references(() => referrals.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    number: text("number").notNull().default(""),
    issuedOn: date("issued_on"),
    expiresOn: date("expires_on"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    sha256: text("sha256"),
    content: bytea("content"),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("household_documents_household_idx").on(t.householdId),
    index("household_documents_expires_idx").on(t.expiresOn),
    check(
      "household_documents_kind_check",
      sql`${t.kind} in ('identity_document', 'residence_permit', 'isee', 'social_report', 'other')`,
    ),
    check(
      "household_documents_file_check",
      sql`(${t.content} is null) = (${t.fileName} is null) and (${t.content} is null) = (${t.sha256} is null)`,
    ),
  ],
);

/** An intervention of the team with a household (diario): the note is special-category data. */
export const supportInterventions = pgTable(
  "support_interventions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    minutes: smallint("minutes").notNull(),
    type: text("type").notNull(),
    staffName: text("staff_name").notNull().default(""),
    note: text("note").notNull().default(""),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("support_interventions_household_idx").on(t.householdId, t.date),
    check("support_interventions_minutes_check", sql`${t.minutes} between 1 and 720`),
  ],
);

/** The exit of a household from the programme (uscita); its follow-ups are due after it. */
export const householdExits = pgTable(
  "household_exits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    planned: boolean("planned").notNull(),
    destination: text("destination").notNull(),
    note: text("note").notNull().default(""),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("household_exits_household_idx").on(t.householdId, t.date),
    check(
      "household_exits_destination_check",
      sql`${t.destination} in ('market_rent', 'public_housing', 'family', 'other_service', 'abandonment', 'eviction', 'death')`,
    ),
  ],
);

/** A follow-up contact 6, 12 or 24 months after an exit, and the housing situation it found. */
export const householdFollowUps = pgTable(
  "household_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    exitId: uuid("exit_id")
      .notNull()
      .references(() => householdExits.id, { onDelete: "cascade" }),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    months: smallint("months").notNull(),
    dueDate: date("due_date").notNull(),
    contactedOn: date("contacted_on"),
    situation: text("situation"),
    note: text("note").notNull().default(""),
    actorId: uuid("actor_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("household_follow_ups_key").on(t.exitId, t.months),
    index("household_follow_ups_due_idx").on(t.dueDate),
    check("household_follow_ups_months_check", sql`${t.months} in (6, 12, 24)`),
    check(
      "household_follow_ups_situation_check",
      sql`${t.situation} is null or ${t.situation} in ('same_home', 'other_stable_home', 'with_family', 'shelter_or_service', 'homeless', 'unreachable')`,
    ),
  ],
);

/**
 * A version of the allocation rules (regole di assegnazione), as the Comune's admin saved it: the rules
 * document validated by the domain's `RulesVersion`, who, when and why. Append-only: a change is a new
 * version; the active one is the latest.
 */
export const allocationRulesVersions = pgTable(
  "allocation_rules_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: integer("version").notNull().unique(),
    rules: jsonb("rules").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    /**
     * The author's name as it was when the version was saved: the record of who decided stays
     * readable by every role, though row-level security hides the Comune's accounts from partners.
     */
    createdByName: text("created_by_name").notNull(),
    createdAt: createdAt(),
    activeFrom: timestamp("active_from", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("allocation_rules_versions_version_check", sql`${t.version} >= 1`),
    check("allocation_rules_versions_reason_check", sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * An allocation run (abbinamento): the rules version, the seed, the hash of its input and the input
 * itself (units, households, pairs with their weights and score components, bounds), and the result
 * with its proof. Replaying the snapshot must give the identical result. The Comune's.
 */
export const allocationRuns = pgTable(
  "allocation_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rulesVersion: integer("rules_version").notNull(),
    seed: text("seed").notNull(),
    inputHash: text("input_hash").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    status: text("status").notNull(),
    objective: numeric("objective", { mode: "number" }),
    dualBound: numeric("dual_bound", { mode: "number" }),
    result: jsonb("result").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("allocation_runs_created_idx").on(t.createdAt),
    check(
      "allocation_runs_status_check",
      sql`${t.status} in ('optimal', 'feasible', 'infeasible', 'time_limit')`,
    ),
  ],
);

/**
 * An offer (proposta) of a unit to a household, from a run or made by hand with a reason: deadline,
 * visit, partner confirmation, the answer with a structured reason tagged household or provider. A
 * unit is in at most one active (pending or accepted) offer, and a household too (partial unique
 * indexes).
 */
export const allocationOffers = pgTable(
  "allocation_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id").references(() => allocationRuns.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending"),
    offeredBy: uuid("offered_by").references(() => users.id),
    offeredAt: timestamp("offered_at", { withTimezone: true }).notNull(),
    dueOn: date("due_on").notNull(),
    /** A manual offer, or a step back or reopening, says why. */
    reason: text("reason").notNull().default(""),
    visitOn: date("visit_on"),
    partnerConfirmedAt: timestamp("partner_confirmed_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by").references(() => users.id),
    declineReason: text("decline_reason"),
    /** Who the refusal is down to: the household, or the provider (the unit, the partner). */
    declinedBy: text("declined_by"),
    /** A reasonable refusal keeps the household's place. */
    reasonable: boolean("reasonable"),
    note: text("note").notNull().default(""),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("allocation_offers_unit_active_key")
      .on(t.unitId)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    uniqueIndex("allocation_offers_household_active_key")
      .on(t.householdId)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index("allocation_offers_household_idx").on(t.householdId),
    index("allocation_offers_run_idx").on(t.runId),
    check(
      "allocation_offers_status_check",
      sql`${t.status} in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')`,
    ),
    check(
      "allocation_offers_declined_by_check",
      sql`${t.declinedBy} is null or ${t.declinedBy} in ('household', 'provider')`,
    ),
  ],
);

/**
 * A unit kept aside (riservato) until `expiresOn` included: for one household, which alone may still be
 * offered it, or for nobody (`householdId` null). Released early with a reason. The Comune's.
 */
export const unitHolds = pgTable(
  "unit_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    householdId: uuid("household_id").references(() => households.id, { onDelete: "cascade" }),
    expiresOn: date("expires_on").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    releasedBy: uuid("released_by").references(() => users.id),
    releaseReason: text("release_reason"),
  },
  (t) => [
    index("unit_holds_unit_idx").on(t.unitId),
    check("unit_holds_reason_check", sql`length(trim(${t.reason})) > 0`),
  ],
);

/** Numbers behind tenancy and ticket references and pagoPA notice codes (IUV), programme-wide. */
export const tenancyReferenceSeq = pgSequence("tenancy_reference_seq");
export const maintenanceTicketSeq = pgSequence("maintenance_ticket_seq");
export const noticeNumberSeq = pgSequence("notice_number_seq");

/**
 * A tenancy (contratto di locazione o di ospitalità). An accepted offer opens its draft; the tenancy
 * area completes it. A unit has at most one draft or active tenancy (partial unique index).
 */
export const tenancies = pgTable(
  "tenancies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id").references(() => allocationOffers.id),
    status: text("status").notNull().default("draft"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    /** Human reference, e.g. `LOC-2026-00042`: the payment reference tenants quote on transfers. */
    reference: text("reference")
      .notNull()
      .unique()
      .default(
        sql`'LOC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('tenancy_reference_seq')::text, 5, '0')`,
      ),
    contractType: text("contract_type"),
    startOn: date("start_on"),
    /** Last day of the current term (included); null for an open-ended hospitality. */
    endOn: date("end_on"),
    /** Renewed tacitly for `renewalMonths` unless notice is given `noticeMonths` before the end. */
    renewalMonths: smallint("renewal_months").notNull().default(0),
    noticeMonths: smallint("notice_months").notNull().default(0),
    depositCents: bigint("deposit_cents", { mode: "number" }).notNull().default(0),
    /** Monthly rent or co-payment, and monthly service charges, in cents. */
    rentCents: bigint("rent_cents", { mode: "number" }).notNull().default(0),
    serviceChargeCents: bigint("service_charge_cents", { mode: "number" }).notNull().default(0),
    /** How the rent was set: the cap, the co-payment from income, the figures behind them. */
    rentBasis: jsonb("rent_basis"),
    signatories: jsonb("signatories").notNull().default(sql`'[]'::jsonb`),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    activatedBy: uuid("activated_by").references(() => users.id),
    endedOn: date("ended_on"),
    endReason: text("end_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("tenancies_unit_open_key").on(t.unitId).where(sql`${t.status} in ('draft', 'active')`),
    uniqueIndex("tenancies_offer_open_key").on(t.offerId).where(sql`${t.status} in ('draft', 'active')`),
    index("tenancies_household_idx").on(t.householdId),
    check("tenancies_status_check", sql`${t.status} in ('draft', 'active', 'ended', 'cancelled')`),
    check(
      "tenancies_contract_type_check",
      sql`${t.contractType} is null or ${t.contractType} in ('calmierato', 'calmierato_ridotto', 'ospitalita', 'comodato', 'housing_first')`,
    ),
    check(
      "tenancies_money_check",
      sql`${t.rentCents} >= 0 and ${t.serviceChargeCents} >= 0 and ${t.depositCents} >= 0`,
    ),
    check("tenancies_term_check", sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
    check(
      "tenancies_active_check",
      sql`${t.status} <> 'active' or (${t.contractType} is not null and ${t.startOn} is not null)`,
    ),
  ],
);

/** A document of a tenancy (the signed contract, the inventory, the registration receipt…). */
export const tenancyDocuments = pgTable(
  "tenancy_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** Shown in the tenant's portal. */
    sharedWithTenant: boolean("shared_with_tenant").notNull().default(true),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("tenancy_documents_tenancy_idx").on(t.tenancyId),
    check(
      "tenancy_documents_kind_check",
      sql`${t.kind} in ('contract', 'registration', 'inventory', 'recertification_letter', 'other')`,
    ),
  ],
);

/** An annual income recertification: the income declared, the rent before and after, and why. */
export const recertifications = pgTable(
  "recertifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    effectiveOn: date("effective_on").notNull(),
    incomeCents: bigint("income_cents", { mode: "number" }).notNull(),
    iseeCents: bigint("isee_cents", { mode: "number" }),
    previousIncomeCents: bigint("previous_income_cents", { mode: "number" }),
    previousRentCents: bigint("previous_rent_cents", { mode: "number" }).notNull(),
    newRentCents: bigint("new_rent_cents", { mode: "number" }).notNull(),
    basis: jsonb("basis").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("recertifications_tenancy_effective_key").on(t.tenancyId, t.effectiveOn),
    check(
      "recertifications_money_check",
      sql`${t.incomeCents} >= 0 and ${t.previousRentCents} >= 0 and ${t.newRentCents} >= 0`,
    ),
  ],
);

/**
 * A month of the ledger (`YYYY-MM`): charged by a run (once; a second run changes nothing) and closed
 * by the Comune, after which no charge, payment or write-off dated in it is accepted.
 */
export const ledgerPeriods = pgTable(
  "ledger_periods",
  {
    period: text("period").primaryKey(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
  },
  (t) => [check("ledger_periods_period_check", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

/** A monthly charge run by a property manager: for which month, who, when, how many charges it added. */
export const chargeRuns = pgTable(
  "charge_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    period: text("period").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    runBy: uuid("run_by").references(() => users.id),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    created: integer("created").notNull(),
    unchanged: integer("unchanged").notNull(),
  },
  (t) => [index("charge_runs_period_idx").on(t.period)],
);

/**
 * A charge (addebito) on a tenancy: the month's rent or service charges, prorated for a partial month.
 * One per tenancy, month and kind (unique index): what makes a charge run idempotent.
 */
export const charges = pgTable(
  "charges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    period: text("period").notNull(),
    kind: text("kind").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    dueOn: date("due_on").notNull(),
    daysCharged: smallint("days_charged").notNull(),
    daysInMonth: smallint("days_in_month").notNull(),
    /** pagoPA notice number (numero avviso, 18 digits): aux digit 3, segregation code, IUV. */
    noticeNumber: text("notice_number").notNull().unique(),
    runId: uuid("run_id").references(() => chargeRuns.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("charges_tenancy_period_kind_key").on(t.tenancyId, t.period, t.kind),
    index("charges_period_idx").on(t.period),
    check("charges_kind_check", sql`${t.kind} in ('rent', 'service')`),
    check("charges_amount_check", sql`${t.amountCents} > 0`),
    check("charges_days_check", sql`${t.daysCharged} between 1 and ${t.daysInMonth}`),
  ],
);

/** A bank statement imported (CSV or ISO 20022 camt.053): one per file and organisation. */
export const bankImports = pgTable(
  "bank_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    sha256: text("sha256").notNull(),
    lines: integer("lines").notNull(),
    matched: integer("matched").notNull(),
    importedBy: uuid("imported_by").references(() => users.id),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("bank_imports_file_key").on(t.organisationId, t.sha256),
    check("bank_imports_format_check", sql`${t.format} in ('csv', 'camt053')`),
  ],
);

/**
 * A credit line of an imported statement: matched to a tenancy (and booked as a payment), or waiting in
 * the queue of unmatched lines until someone assigns or dismisses it.
 */
export const bankLines = pgTable(
  "bank_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    importId: uuid("import_id")
      .notNull()
      .references(() => bankImports.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    lineNo: integer("line_no").notNull(),
    bookedOn: date("booked_on").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    payer: text("payer").notNull().default(""),
    remittance: text("remittance").notNull().default(""),
    bankReference: text("bank_reference").notNull().default(""),
    status: text("status").notNull(),
    tenancyId: uuid("tenancy_id").references(() => tenancies.id),
    /** Which evidence matched it: reference, amount, payer. */
    matchedBy: text("matched_by").array().notNull().default(sql`'{}'::text[]`),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("bank_lines_import_line_key").on(t.importId, t.lineNo),
    index("bank_lines_queue_idx").on(t.organisationId, t.status),
    check("bank_lines_amount_check", sql`${t.amountCents} > 0`),
    check("bank_lines_status_check", sql`${t.status} in ('matched', 'unmatched', 'assigned', 'dismissed')`),
    check(
      "bank_lines_tenancy_check",
      sql`(${t.tenancyId} is not null) = (${t.status} in ('matched', 'assigned'))`,
    ),
  ],
);

/**
 * A payment (pagamento) on a tenancy: registered by hand (with its `Idempotency-Key`, unique) or booked
 * from a bank line.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    paidOn: date("paid_on").notNull(),
    method: text("method").notNull(),
    reference: text("reference").notNull().default(""),
    payer: text("payer").notNull().default(""),
    bankLineId: uuid("bank_line_id")
      .unique()
      .references(() => bankLines.id),
    idempotencyKey: text("idempotency_key").unique(),
    /** SHA-256 of the request body the key first came with. */
    requestHash: text("request_hash"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("payments_tenancy_idx").on(t.tenancyId, t.paidOn),
    check("payments_amount_check", sql`${t.amountCents} > 0`),
    check("payments_method_check", sql`${t.method} in ('bank_transfer', 'pagopa', 'cash', 'card', 'other')`),
    check("payments_key_check", sql`(${t.idempotencyKey} is null) = (${t.requestHash} is null)`),
  ],
);

/** A write-off (stralcio) of part of a tenancy's balance: by a manager, with a reason. */
export const writeOffs = pgTable(
  "write_offs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    writtenOn: date("written_on").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("write_offs_tenancy_idx").on(t.tenancyId),
    check("write_offs_amount_check", sql`${t.amountCents} > 0`),
    check("write_offs_reason_check", sql`length(trim(${t.reason})) > 0`),
  ],
);

/** A version of the arrears policy (stages, thresholds, fund rules) as data: who, when, why. */
export const arrearsPolicyVersions = pgTable(
  "arrears_policy_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: integer("version").notNull().unique(),
    policy: jsonb("policy").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [check("arrears_policy_versions_reason_check", sql`length(trim(${t.reason})) > 0`)],
);

/**
 * An arrears case (pratica di morosità) of a tenancy, moving through the policy's stages: the first
 * signal to the educator, reminder, meeting, repayment plan, fund referral, legal action. One open case
 * per tenancy.
 */
export const arrearsCases = pgTable(
  "arrears_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    openedOn: date("opened_on").notNull(),
    stage: text("stage").notNull(),
    status: text("status").notNull().default("open"),
    closedOn: date("closed_on"),
    closeReason: text("close_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("arrears_cases_open_key").on(t.tenancyId).where(sql`${t.status} = 'open'`),
    index("arrears_cases_household_idx").on(t.householdId),
    check("arrears_cases_status_check", sql`${t.status} in ('open', 'closed')`),
    check(
      "arrears_cases_stage_check",
      sql`${t.stage} in ('signal', 'reminder', 'meeting', 'repayment_plan', 'fund_referral', 'legal')`,
    ),
  ],
);

/** Each step of an arrears case: the stage reached, who, when, the note and, for legal action, why. */
export const arrearsSteps = pgTable(
  "arrears_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => arrearsCases.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    stage: text("stage").notNull(),
    takenOn: date("taken_on").notNull(),
    balanceCents: bigint("balance_cents", { mode: "number" }).notNull(),
    note: text("note").notNull().default(""),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("arrears_steps_case_idx").on(t.caseId, t.createdAt)],
);

/** A task for a member of a household's team (the first arrears signal goes to the educator). */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    assigneeId: uuid("assignee_id").references(() => users.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("open"),
    arrearsCaseId: uuid("arrears_case_id").references(() => arrearsCases.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => users.id),
    outcome: text("outcome").notNull().default(""),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeId, t.status),
    index("tasks_household_idx").on(t.householdId),
    check("tasks_kind_check", sql`${t.kind} in ('arrears_signal', 'arrears_meeting', 'recertification')`),
    check("tasks_status_check", sql`${t.status} in ('open', 'done', 'cancelled')`),
  ],
);

/** A repayment plan (piano di rientro) of an arrears case: the debt spread over dated instalments. */
export const repaymentPlans = pgTable(
  "repayment_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => arrearsCases.id),
    tenancyId: uuid("tenancy_id")
      .notNull()
      .references(() => tenancies.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    totalCents: bigint("total_cents", { mode: "number" }).notNull(),
    startOn: date("start_on").notNull(),
    status: text("status").notNull().default("active"),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeReason: text("close_reason"),
  },
  (t) => [
    uniqueIndex("repayment_plans_active_key").on(t.caseId).where(sql`${t.status} = 'active'`),
    check("repayment_plans_total_check", sql`${t.totalCents} > 0`),
    check("repayment_plans_status_check", sql`${t.status} in ('active', 'completed', 'broken', 'cancelled')`),
  ],
);

export const repaymentInstalments = pgTable(
  "repayment_instalments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => repaymentPlans.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    seq: smallint("seq").notNull(),
    dueOn: date("due_on").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("repayment_instalments_key").on(t.planId, t.seq),
    check("repayment_instalments_amount_check", sql`${t.amountCents} > 0`),
  ],
);

/**
 * A referral for the household's economic participation: financial education, microcredit, the
 * involuntary-arrears fund or the regional solidarity contribution, with its outcome.
 */
export const economicReferrals = pgTable(
  "economic_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    tenancyId: uuid("tenancy_id").references(() => tenancies.id),
    caseId: uuid("case_id").references(() => arrearsCases.id),
    kind: text("kind").notNull(),
    referredOn: date("referred_on").notNull(),
    referredBy: uuid("referred_by").references(() => users.id),
    outcome: text("outcome").notNull().default("pending"),
    outcomeOn: date("outcome_on"),
    amountCents: bigint("amount_cents", { mode: "number" }),
    note: text("note").notNull().default(""),
  },
  (t) => [
    index("economic_referrals_household_idx").on(t.householdId),
    check(
      "economic_referrals_kind_check",
      sql`${t.kind} in ('financial_education', 'microcredit', 'involuntary_arrears_fund', 'regional_solidarity')`,
    ),
    check(
      "economic_referrals_outcome_check",
      sql`${t.outcome} in ('pending', 'granted', 'refused', 'completed', 'dropped')`,
    ),
    check("economic_referrals_amount_check", sql`${t.amountCents} is null or ${t.amountCents} >= 0`),
  ],
);

/**
 * A maintenance ticket (segnalazione di manutenzione) on a unit, from its tenant or from staff: category,
 * urgency and the deadline it sets, assignee, status with reasons.
 */
export const maintenanceTickets = pgTable(
  "maintenance_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference")
      .notNull()
      .unique()
      .default(
        sql`'MAN-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('maintenance_ticket_seq')::text, 5, '0')`,
      ),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    tenancyId: uuid("tenancy_id").references(() => tenancies.id),
    category: text("category").notNull(),
    urgency: text("urgency").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    status: text("status").notNull().default("open"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    assignee: text("assignee").notNull().default(""),
    statusReason: text("status_reason").notNull().default(""),
    openedBy: uuid("opened_by").references(() => users.id),
    openedByTenant: boolean("opened_by_tenant").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("maintenance_tickets_unit_idx").on(t.unitId),
    index("maintenance_tickets_status_idx").on(t.status, t.dueAt),
    check(
      "maintenance_tickets_category_check",
      sql`${t.category} in ('plumbing', 'electrical', 'heating', 'appliances', 'doors_windows', 'damp_mould', 'lift_common_areas', 'pests', 'other')`,
    ),
    check("maintenance_tickets_urgency_check", sql`${t.urgency} in ('emergency', 'urgent', 'routine')`),
    check(
      "maintenance_tickets_status_check",
      sql`${t.status} in ('open', 'in_progress', 'deferred', 'completed', 'closed', 'declined')`,
    ),
  ],
);

/** Each status change of a ticket, with who and why. */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => maintenanceTickets.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [index("ticket_events_ticket_idx").on(t.ticketId, t.at)],
);

/** A photo attached to a ticket. */
export const ticketPhotos = pgTable(
  "ticket_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => maintenanceTickets.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("ticket_photos_ticket_idx").on(t.ticketId),
    check("ticket_photos_type_check", sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
  ],
);

/** The move-in checklist of a tenancy: meter readings, keys, installations explained, inventory. */
export const moveInChecklists = pgTable("move_in_checklists", {
  tenancyId: uuid("tenancy_id")
    .primaryKey()
    .references(() => tenancies.id),
  checklist: jsonb("checklist").notNull(),
  completedOn: date("completed_on"),
  recordedBy: uuid("recorded_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A notice from a property manager to its tenants: all of them, one building's, or one unit's. */
export const tenantNotices = pgTable(
  "tenant_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    buildingCode: text("building_code").references(() => buildings.code),
    unitId: uuid("unit_id").references(() => units.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    publishedOn: date("published_on").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("tenant_notices_organisation_idx").on(t.organisationId, t.publishedOn)],
);

/** What a partner tells its tenants: the manager's contacts, office hours and the house rules. */
export const tenantInformation = pgTable("tenant_information", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  phone: text("phone").notNull().default(""),
  email: text("email").notNull().default(""),
  officeHours: text("office_hours").notNull().default(""),
  address: text("address").notNull().default(""),
  houseRules: text("house_rules").notNull().default(""),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---- renovation works and the financial plan (issue: revolving financial instrument) ---------------

export const worksReferenceSeq = pgSequence("works_reference_seq");

/**
 * A contractor (impresa) of the programme's network and its registration on a prefecture's white list.
 * The register is shared by the partners; the organisation that registered a contractor, or the
 * Comune, keeps its record.
 */
export const contractors = pgTable(
  "contractors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    vatNumber: text("vat_number").notNull().unique(),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    whiteListPrefecture: text("white_list_prefecture").notNull(),
    whiteListRegisteredOn: date("white_list_registered_on").notNull(),
    whiteListExpiresOn: date("white_list_expires_on").notNull(),
    whiteListRenewalRequestedOn: date("white_list_renewal_requested_on"),
    qualifications: text("qualifications").array().notNull().default(sql`'{}'::text[]`),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("contractors_white_list_dates_check", sql`${t.whiteListExpiresOn} > ${t.whiteListRegisteredOn}`),
  ],
);

/**
 * Renovation works (ristrutturazione) on one unit or a batch of one partner's units: scope, estimate ex
 * VAT and its VAT rate (basis points), contractor and award, the standards checklist ticked so far.
 */
export const works = pgTable(
  "works",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference")
      .notNull()
      .unique()
      .default(
        sql`'LAV-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('works_reference_seq')::text, 5, '0')`,
      ),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    scope: text("scope").notNull().default(""),
    targetGroup: text("target_group"),
    estimateExVatCents: bigint("estimate_ex_vat_cents", { mode: "number" }).notNull(),
    vatRateBp: integer("vat_rate_bp").notNull().default(1000),
    contractorId: uuid("contractor_id").references(() => contractors.id),
    awardedOn: date("awarded_on"),
    status: text("status").notNull().default("planned"),
    completedOn: date("completed_on"),
    /** A cancelled works: when and why (its costs stay, as money spent). */
    cancelledOn: date("cancelled_on"),
    cancelReason: text("cancel_reason"),
    standardsTicked: text("standards_ticked").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("works_partner_idx").on(t.partnerId, t.status),
    check(
      "works_status_check",
      sql`${t.status} in ('planned', 'awarded', 'in_progress', 'completed', 'cancelled')`,
    ),
    check("works_vat_rate_check", sql`${t.vatRateBp} between 0 and 2200`),
    check("works_estimate_check", sql`${t.estimateExVatCents} >= 0`),
    check("works_award_check", sql`(${t.contractorId} is null) = (${t.awardedOn} is null)`),
    check(
      "works_cancel_check",
      sql`(${t.status} = 'cancelled') = (${t.cancelledOn} is not null) and (${t.cancelledOn} is null) = (${t.cancelReason} is null)`,
    ),
  ],
);

/** The units a works renovates. */
export const worksUnits = pgTable(
  "works_units",
  {
    worksId: uuid("works_id")
      .notNull()
      .references(() => works.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.worksId, t.unitId] }), index("works_units_unit_idx").on(t.unitId)],
);

/** A phase of a works with its planned and actual dates. */
export const worksPhases = pgTable(
  "works_phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    worksId: uuid("works_id")
      .notNull()
      .references(() => works.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    plannedStart: date("planned_start").notNull(),
    plannedEnd: date("planned_end").notNull(),
    actualStart: date("actual_start"),
    actualEnd: date("actual_end"),
  },
  (t) => [
    uniqueIndex("works_phases_position_idx").on(t.worksId, t.position),
    check("works_phases_planned_check", sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check(
      "works_phases_actual_check",
      sql`(${t.actualEnd} is null or (${t.actualStart} is not null and ${t.actualEnd} >= ${t.actualStart}))`,
    ),
  ],
);

/** A cost of a works: the invoice, its amounts ex VAT and VAT, and the funding source that pays it. */
export const worksCostLines = pgTable(
  "works_cost_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    worksId: uuid("works_id")
      .notNull()
      .references(() => works.id),
    description: text("description").notNull(),
    supplier: text("supplier").notNull().default(""),
    invoiceNumber: text("invoice_number").notNull(),
    invoiceDate: date("invoice_date").notNull(),
    amountExVatCents: bigint("amount_ex_vat_cents", { mode: "number" }).notNull(),
    vatCents: bigint("vat_cents", { mode: "number" }).notNull(),
    fundingSource: text("funding_source").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("works_cost_lines_works_idx").on(t.worksId),
    check("works_cost_lines_amount_check", sql`${t.amountExVatCents} > 0 and ${t.vatCents} >= 0`),
    check(
      "works_cost_lines_source_check",
      sql`${t.fundingSource} in ('grant', 'equity', 'fundraising', 'calls', 'loan', 'revolving_fund')`,
    ),
  ],
);

/**
 * A financial-plan scenario (piano economico finanziario): its inputs as the documented JSON, saved as
 * numbered versions under one name, each with who saved it and why. Programme-level, not a partner's.
 */
export const planScenarios = pgTable(
  "plan_scenarios",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    scenario: jsonb("scenario").notNull(),
    reason: text("reason").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_scenarios_name_version_idx").on(t.name, t.version)],
);

/**
 * A call for funding (bando) found while scouting: funder, deadline, the most it grants, how well it
 * fits. A shared register: every partner reads it; the organisation that found it, or the Comune, edits.
 */
export const fundingCalls = pgTable(
  "funding_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    funder: text("funder").notNull(),
    title: text("title").notNull(),
    area: text("area"),
    deadline: date("deadline").notNull(),
    maxAmountCents: bigint("max_amount_cents", { mode: "number" }),
    fit: text("fit").notNull(),
    url: text("url").notNull().default(""),
    notes: text("notes").notNull().default(""),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("funding_calls_area_check", sql`${t.area} is null or ${t.area} in ('A', 'B')`),
    check("funding_calls_fit_check", sql`${t.fit} in ('high', 'medium', 'low')`),
    check("funding_calls_amount_check", sql`${t.maxAmountCents} is null or ${t.maxAmountCents} > 0`),
  ],
);

/** A partner's application to a call (candidatura) and its outcome. */
export const fundingApplications = pgTable(
  "funding_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => fundingCalls.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    requestedCents: bigint("requested_cents", { mode: "number" }).notNull(),
    submittedOn: date("submitted_on").notNull(),
    notes: text("notes").notNull().default(""),
    status: text("status").notNull().default("submitted"),
    decidedOn: date("decided_on"),
    awardedCents: bigint("awarded_cents", { mode: "number" }),
    outcomeNote: text("outcome_note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("funding_applications_call_partner_idx").on(t.callId, t.partnerId),
    index("funding_applications_partner_idx").on(t.partnerId),
    check(
      "funding_applications_status_check",
      sql`${t.status} in ('submitted', 'awarded', 'rejected', 'withdrawn')`,
    ),
    check("funding_applications_requested_check", sql`${t.requestedCents} > 0`),
    check(
      "funding_applications_award_check",
      sql`(${t.status} = 'awarded') = (${t.awardedCents} is not null) and (${t.awardedCents} is null or ${t.awardedCents} between 1 and ${t.requestedCents})`,
    ),
    check("funding_applications_decided_check", sql`(${t.status} = 'submitted') = (${t.decidedOn} is null)`),
  ],
);

/** A pledge (impegno) of money from one source to a partner: who gives it, how much, when expected. */
export const fundingPledges = pgTable(
  "funding_pledges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    source: text("source").notNull(),
    donor: text("donor").notNull(),
    area: text("area"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    pledgedOn: date("pledged_on").notNull(),
    expectedOn: date("expected_on").notNull(),
    notes: text("notes").notNull().default(""),
    applicationId: uuid("application_id")
      .unique()
      .references(() => fundingApplications.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("funding_pledges_partner_idx").on(t.partnerId, t.source),
    check(
      "funding_pledges_source_check",
      sql`${t.source} in ('grant', 'equity', 'fundraising', 'calls', 'co_financing_a', 'co_financing_b')`,
    ),
    check("funding_pledges_area_check", sql`${t.area} is null or ${t.area} in ('A', 'B')`),
    check("funding_pledges_amount_check", sql`${t.amountCents} > 0`),
    check("funding_pledges_dates_check", sql`${t.expectedOn} >= ${t.pledgedOn}`),
  ],
);

/** Money received against a pledge (incasso); append-only. */
export const fundingReceipts = pgTable(
  "funding_receipts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pledgeId: uuid("pledge_id")
      .notNull()
      .references(() => fundingPledges.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    receivedOn: date("received_on").notNull(),
    reference: text("reference").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("funding_receipts_pledge_idx").on(t.pledgeId),
    check("funding_receipts_amount_check", sql`${t.amountCents} > 0`),
  ],
);

/** A lender (finanziatore). A shared register, like the contractors'. */
export const lenders = pgTable(
  "lenders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().unique(),
    kind: text("kind").notNull(),
    contact: text("contact").notNull().default(""),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "lenders_kind_check",
      sql`${t.kind} in ('bank', 'ethical_finance', 'foundation', 'public_body', 'other')`,
    ),
  ],
);

/** A loan offer from a lender to a partner, on the plan's loan terms; accepted, it is a loan of the plan. */
export const loanOffers = pgTable(
  "loan_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lenderId: uuid("lender_id")
      .notNull()
      .references(() => lenders.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    purpose: text("purpose").notNull(),
    principalCents: bigint("principal_cents", { mode: "number" }).notNull(),
    /** The annual rate as a decimal (0.045 is 4.5 %). */
    annualRate: numeric("annual_rate", { precision: 8, scale: 6, mode: "number" }).notNull(),
    years: integer("years").notNull(),
    method: text("method").notNull(),
    graceMonths: integer("grace_months").notNull().default(0),
    convention: text("convention").notNull().default("nominal"),
    offeredOn: date("offered_on").notNull(),
    validUntil: date("valid_until").notNull(),
    status: text("status").notNull().default("offered"),
    decidedOn: date("decided_on"),
    disbursedOn: date("disbursed_on"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("loan_offers_partner_idx").on(t.partnerId, t.status),
    check("loan_offers_status_check", sql`${t.status} in ('offered', 'accepted', 'declined')`),
    check("loan_offers_method_check", sql`${t.method} in ('french', 'italian')`),
    check("loan_offers_convention_check", sql`${t.convention} in ('nominal', 'effective')`),
    check(
      "loan_offers_terms_check",
      sql`${t.principalCents} > 0 and ${t.annualRate} >= 0 and ${t.years} between 1 and 25 and ${t.graceMonths} >= 0 and ${t.graceMonths} < ${t.years} * 12`,
    ),
    check("loan_offers_validity_check", sql`${t.validUntil} >= ${t.offeredOn}`),
    check(
      "loan_offers_decision_check",
      sql`(${t.status} = 'offered') = (${t.decidedOn} is null) and (${t.status} = 'accepted') = (${t.disbursedOn} is not null)`,
    ),
  ],
);

/** A guarantee (fideiussione) behind a loan: issuer, amount, validity. */
export const loanGuarantees = pgTable(
  "loan_guarantees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    loanOfferId: uuid("loan_offer_id")
      .notNull()
      .references(() => loanOffers.id),
    issuer: text("issuer").notNull(),
    kind: text("kind").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    issuedOn: date("issued_on").notNull(),
    expiresOn: date("expires_on").notNull(),
    reference: text("reference").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("loan_guarantees_loan_idx").on(t.loanOfferId),
    check("loan_guarantees_kind_check", sql`${t.kind} in ('bank', 'insurance', 'confidi', 'other')`),
    check("loan_guarantees_amount_check", sql`${t.amountCents} > 0`),
    check("loan_guarantees_dates_check", sql`${t.expiresOn} > ${t.issuedOn}`),
  ],
);

/** An instalment actually paid on an accepted loan; append-only. */
export const loanPayments = pgTable(
  "loan_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    loanOfferId: uuid("loan_offer_id")
      .notNull()
      .references(() => loanOffers.id),
    paidOn: date("paid_on").notNull(),
    principalCents: bigint("principal_cents", { mode: "number" }).notNull(),
    interestCents: bigint("interest_cents", { mode: "number" }).notNull(),
    reference: text("reference").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("loan_payments_loan_idx").on(t.loanOfferId, t.paidOn),
    check(
      "loan_payments_amount_check",
      sql`${t.principalCents} >= 0 and ${t.interestCents} >= 0 and ${t.principalCents} + ${t.interestCents} > 0`,
    ),
  ],
);

/**
 * The programme's convention (convenzione): its dates bound expense eligibility and the timeline.
 * One row, kept by the Comune.
 */
export const programmeSettings = pgTable(
  "programme_settings",
  {
    id: boolean("id").primaryKey().default(true),
    conventionStart: date("convention_start").notNull(),
    conventionEnd: date("convention_end").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("programme_settings_single_check", sql`${t.id}`),
    check("programme_settings_dates_check", sql`${t.conventionEnd} > ${t.conventionStart}`),
  ],
);

/**
 * A target of an indicator of the monitoring catalogue: the baseline, an intermediate target or
 * the final one, each with its date (like seed 003's 128 / 850 / 485). Shared by the programme.
 */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorCode: text("indicator_code").notNull(),
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    dueOn: date("due_on").notNull(),
    note: text("note").notNull().default(""),
    setBy: uuid("set_by").references(() => users.id),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("indicator_targets_key").on(t.indicatorCode, t.kind, t.dueOn),
    check("indicator_targets_kind_check", sql`${t.kind} in ('baseline', 'intermediate', 'final')`),
  ],
);

/** A reporting period (monthly, quarterly or yearly): open, or closed with a frozen snapshot. */
export const monitoringPeriods = pgTable(
  "monitoring_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    granularity: text("granularity").notNull(),
    startsOn: date("starts_on").notNull(),
    /** The last day of the period (inclusive). */
    endsOn: date("ends_on").notNull(),
    status: text("status").notNull().default("open"),
    /** The snapshot revision that holds while closed; 0 before the first close. */
    revision: integer("revision").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("monitoring_periods_key").on(t.granularity, t.startsOn),
    check("monitoring_periods_granularity_check", sql`${t.granularity} in ('month', 'quarter', 'year')`),
    check("monitoring_periods_status_check", sql`${t.status} in ('open', 'closed')`),
    check("monitoring_periods_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * The values of every indicator of a period as frozen when it was closed, with the data version
 * behind them. Append-only: a reopened and closed again period gets a new revision.
 */
export const monitoringSnapshots = pgTable(
  "monitoring_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => monitoringPeriods.id),
    revision: integer("revision").notNull(),
    /** Whose figures: a partner's own, or null for the whole programme (seen by programme roles). */
    partnerId: uuid("partner_id").references(() => organisations.id),
    values: jsonb("values").notNull(),
    /** SHA-256 of the values, and the audit trail's head at closing: the data version. */
    valuesSha256: text("values_sha256").notNull(),
    auditHead: text("audit_head").notNull().default(""),
    closedBy: uuid("closed_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("monitoring_snapshots_key").on(
      t.periodId,
      t.revision,
      sql`coalesce(${t.partnerId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** Every close and reopen of a period, with who and why (a reopen needs a reason). Append-only. */
export const monitoringPeriodEvents = pgTable(
  "monitoring_period_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => monitoringPeriods.id),
    action: text("action").notNull(),
    reason: text("reason").notNull().default(""),
    actorId: uuid("actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("monitoring_period_events_period_idx").on(t.periodId, t.at),
    check("monitoring_period_events_action_check", sql`${t.action} in ('closed', 'reopened')`),
    check(
      "monitoring_period_events_reason_check",
      sql`${t.action} <> 'reopened' or length(trim(${t.reason})) > 0`,
    ),
  ],
);

/** The budget of a partner for one area line and funding source, against which claims are checked. */
export const expenseBudgets = pgTable(
  "expense_budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    line: text("line").notNull(),
    fundingSource: text("funding_source").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("expense_budgets_key").on(t.partnerId, t.line, t.fundingSource),
    check("expense_budgets_line_check", sql`${t.line} in ('A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3')`),
    check(
      "expense_budgets_source_check",
      sql`${t.fundingSource} in ('grant', 'equity', 'fundraising', 'calls', 'co_financing_a', 'co_financing_b')`,
    ),
    check("expense_budgets_amount_check", sql`${t.amountCents} >= 0`),
  ],
);

export const expenseClaimReferenceSeq = pgSequence("expense_claim_reference_seq");

/**
 * An expense claim (rendiconto) of a partner for one area line and funding source: real,
 * documented costs submitted for reimbursement.
 */
export const expenseClaims = pgTable(
  "expense_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference")
      .notNull()
      .unique()
      .default(
        sql`'REN-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('expense_claim_reference_seq')::text, 5, '0')`,
      ),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    line: text("line").notNull(),
    fundingSource: text("funding_source").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    title: text("title").notNull(),
    status: text("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionNote: text("decision_note").notNull().default(""),
    reimbursementRequestedAt: timestamp("reimbursement_requested_at", { withTimezone: true }),
    paidOn: date("paid_on"),
    paidCents: bigint("paid_cents", { mode: "number" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("expense_claims_partner_idx").on(t.partnerId, t.status),
    check("expense_claims_line_check", sql`${t.line} in ('A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3')`),
    check(
      "expense_claims_source_check",
      sql`${t.fundingSource} in ('grant', 'equity', 'fundraising', 'calls', 'co_financing_a', 'co_financing_b')`,
    ),
    check(
      "expense_claims_status_check",
      sql`${t.status} in ('draft', 'submitted', 'approved', 'partly_approved', 'rejected', 'reimbursement_requested', 'paid')`,
    ),
    check("expense_claims_period_check", sql`${t.periodTo} >= ${t.periodFrom}`),
    check("expense_claims_paid_check", sql`(${t.paidOn} is null) = (${t.paidCents} is null)`),
  ],
);

/** A cost line of an expense claim, with the amount approved on review and why a part was not. */
export const expenseLines = pgTable(
  "expense_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => expenseClaims.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    description: text("description").notNull(),
    supplier: text("supplier").notNull().default(""),
    incurredOn: date("incurred_on").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    approvedCents: bigint("approved_cents", { mode: "number" }),
    rejectionReason: text("rejection_reason"),
  },
  (t) => [
    uniqueIndex("expense_lines_position_key").on(t.claimId, t.position),
    check("expense_lines_amount_check", sql`${t.amountCents} > 0`),
    check(
      "expense_lines_approved_check",
      sql`${t.approvedCents} is null or ${t.approvedCents} between 0 and ${t.amountCents}`,
    ),
  ],
);

/**
 * A supporting document of a cost line: invoice, proof of payment or timesheet. Its fingerprints
 * (file hash; kind, issuer and number) are unique across every claim while `in_use`, so no document
 * is claimed twice; a rejected claim releases its documents.
 */
export const expenseDocuments = pgTable(
  "expense_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lineId: uuid("line_id")
      .notNull()
      .references(() => expenseLines.id, { onDelete: "cascade" }),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => expenseClaims.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    issuer: text("issuer").notNull(),
    number: text("number").notNull(),
    issuedOn: date("issued_on").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    inUse: boolean("in_use").notNull().default(true),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("expense_documents_line_idx").on(t.lineId),
    index("expense_documents_claim_idx").on(t.claimId),
    uniqueIndex("expense_documents_file_key").on(t.sha256).where(sql`${t.inUse}`),
    uniqueIndex("expense_documents_number_key")
      .on(t.kind, sql`lower(${t.issuer})`, sql`lower(${t.number})`)
      .where(sql`${t.inUse}`),
    check("expense_documents_kind_check", sql`${t.kind} in ('invoice', 'proof_of_payment', 'timesheet')`),
  ],
);

/**
 * A phase or milestone of the programme's timeline (cronoprogramma), per area and line, with
 * planned and actual dates, owner and status. Shared by the programme; its owner keeps it.
 */
export const timelineItems = pgTable(
  "timeline_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    line: text("line").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    ownerName: text("owner_name").notNull().default(""),
    plannedStart: date("planned_start").notNull(),
    plannedEnd: date("planned_end").notNull(),
    actualStart: date("actual_start"),
    actualEnd: date("actual_end"),
    status: text("status").notNull().default("not_started"),
    position: integer("position").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("timeline_items_line_idx").on(t.line, t.plannedStart),
    check("timeline_items_line_check", sql`${t.line} in ('A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3')`),
    check("timeline_items_kind_check", sql`${t.kind} in ('phase', 'milestone')`),
    check(
      "timeline_items_status_check",
      sql`${t.status} in ('not_started', 'in_progress', 'done', 'cancelled')`,
    ),
    check("timeline_items_planned_check", sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check(
      "timeline_items_milestone_check",
      sql`${t.kind} <> 'milestone' or ${t.plannedEnd} = ${t.plannedStart}`,
    ),
    check(
      "timeline_items_actual_check",
      sql`${t.actualEnd} is null or (${t.actualStart} is not null and ${t.actualEnd} >= ${t.actualStart})`,
    ),
  ],
);

/**
 * A governance body (seed 000 §5): the Cabina di Regia Integrata (directive), a coordination per area
 * or Municipio (management) reporting to it, a thematic table or group it opened (project).
 */
export const governanceBodies = pgTable(
  "governance_bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    level: text("level").notNull(),
    description: text("description").notNull().default(""),
    reportsToId: uuid("reports_to_id").references((): AnyPgColumn => governanceBodies.id),
    area: text("area"),
    municipio: smallint("municipio"),
    establishedOn: date("established_on").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("governance_bodies_name_key").on(t.name),
    // One Cabina di Regia: the one directive body.
    uniqueIndex("governance_bodies_directive_key").on(t.level).where(sql`${t.level} = 'directive'`),
    check("governance_bodies_level_check", sql`${t.level} in ('directive', 'management', 'project')`),
    check("governance_bodies_area_check", sql`${t.area} is null or ${t.area} in ('A', 'B')`),
    check("governance_bodies_municipio_check", sql`${t.municipio} is null or ${t.municipio} between 1 and 9`),
    check("governance_bodies_reports_check", sql`(${t.level} = 'directive') = (${t.reportsToId} is null)`),
  ],
);

/** A person's membership of a body, or her role as its referent, from a day to a day. */
export const governanceMembers = pgTable(
  "governance_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    personName: text("person_name").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    fromOn: date("from_on").notNull(),
    toOn: date("to_on"),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("governance_members_body_idx").on(t.bodyId, t.fromOn),
    check(
      "governance_members_role_check",
      sql`${t.role} in ('chair', 'member', 'administrative_referent', 'technical_referent')`,
    ),
    check("governance_members_dates_check", sql`${t.toOn} is null or ${t.toOn} >= ${t.fromOn}`),
  ],
);

/** A meeting of a body: planned with its agenda, then held with its attendance and minutes. */
export const governanceMeetings = pgTable(
  "governance_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    date: date("date").notNull(),
    startsAt: text("starts_at"),
    place: text("place").notNull().default(""),
    agenda: jsonb("agenda").$type<string[]>().notNull(),
    annualReview: boolean("annual_review").notNull().default(false),
    minutes: text("minutes"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("governance_meetings_body_idx").on(t.bodyId, t.date)],
);

/** Who attended a held meeting: memberships of its body. */
export const governanceAttendance = pgTable(
  "governance_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => governanceMembers.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** A file attached to a meeting (minutes signed, presentations, documents discussed). */
export const governanceAttachments = pgTable(
  "governance_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("governance_attachments_meeting_idx").on(t.meetingId)],
);

/** A decision of a body, numbered per body, taken at one of its meetings. */
export const governanceDecisions = pgTable(
  "governance_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => governanceMeetings.id),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    mode: text("mode").notNull(),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    abstentions: integer("abstentions"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("governance_decisions_number_key").on(t.bodyId, t.number),
    check("governance_decisions_mode_check", sql`${t.mode} in ('vote', 'consensus')`),
    check(
      "governance_decisions_votes_check",
      sql`(${t.mode} = 'vote') = (${t.votesFor} is not null and ${t.votesAgainst} is not null and ${t.abstentions} is not null)`,
    ),
  ],
);

/** An action a body gave: a person responsible, her organisation, a due day, a status. */
export const governanceActions = pgTable(
  "governance_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    decisionId: uuid("decision_id").references(() => governanceDecisions.id),
    title: text("title").notNull(),
    ownerName: text("owner_name").notNull(),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("open"),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("governance_actions_body_idx").on(t.bodyId, t.dueOn),
    index("governance_actions_owner_idx").on(t.ownerOrganisationId, t.status),
    check("governance_actions_status_check", sql`${t.status} in ('open', 'done', 'cancelled')`),
  ],
);

/** An announcement to every partner, or to the organisations represented in one governance body. */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The body whose organisations it is for; null: every organisation of the programme. */
    bodyId: uuid("body_id").references(() => governanceBodies.id),
    authorId: uuid("author_id").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("announcements_published_idx").on(t.publishedAt)],
);

/** A document of the shared library, with its versions (`library_versions`). */
export const libraryDocuments = pgTable(
  "library_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    folder: text("folder").notNull(),
    description: text("description").notNull().default(""),
    /** The governance body it belongs to, if any (its minutes, its working papers). */
    bodyId: uuid("body_id").references(() => governanceBodies.id),
    /** The latest version's number. */
    currentVersion: integer("current_version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("library_documents_title_key").on(t.folder, t.title),
    check(
      "library_documents_folder_check",
      sql`${t.folder} in ('convention', 'governance', 'procedures', 'reporting', 'templates', 'other')`,
    ),
  ],
);

/** One version of a library document: the file, who uploaded it, for which organisation, when. */
export const libraryVersions = pgTable(
  "library_versions",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => libraryDocuments.id),
    version: integer("version").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    note: text("note").notNull().default(""),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);

/**
 * A notice to one account (in the app, and by e-mail when a mail server is configured): a decision
 * taken, an action overdue, a referral or an offer awaiting its partner, an announcement. One per
 * account and subject (`subject_key`), so a sweep that runs again adds nothing.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    subjectKey: text("subject_key").notNull(),
    /** The sentence in Italian; `params` holds its values, to say it in the reader's language. */
    title: text("title").notNull(),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    /** The page it points to, a path of the app. */
    link: text("link").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** none: no mail server; pending: to send; sent; failed (with the error). */
    emailStatus: text("email_status").notNull().default("none"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    emailError: text("email_error"),
  },
  (t) => [
    uniqueIndex("notifications_subject_key").on(t.userId, t.subjectKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_pending_idx").on(t.createdAt).where(sql`${t.emailStatus} = 'pending'`),
    check(
      "notifications_kind_check",
      sql`${t.kind} in ('decision', 'action_overdue', 'referral_awaiting', 'offer_awaiting', 'announcement')`,
    ),
    check("notifications_email_check", sql`${t.emailStatus} in ('none', 'pending', 'sent', 'failed')`),
  ],
);

// ── Private owners (line A.4) ────────────────────────────────────────────────────────────────────

/** A private owner, or an owners' association or agency, the programme reached out to. */
export const privateOwners = pgTable(
  "private_owners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    contact: text("contact").notNull().default(""),
    town: text("town").notNull(),
    municipio: smallint("municipio"),
    notes: text("notes").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("private_owners_kind_check", sql`${t.kind} in ('individual', 'company', 'association', 'agency')`),
    check(
      "private_owners_place_check",
      sql`(${t.municipio} is null or (${t.municipio} between 1 and 9 and ${t.town} = 'Milano'))`,
    ),
  ],
);

/** A contact with an owner: when, how, by which organisation, with what outcome. */
export const ownerContacts = pgTable(
  "owner_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => privateOwners.id),
    contactedOn: date("contacted_on").notNull(),
    channel: text("channel").notNull(),
    outcome: text("outcome").notNull(),
    note: text("note").notNull().default(""),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("owner_contacts_owner_idx").on(t.ownerId, t.contactedOn),
    check(
      "owner_contacts_channel_check",
      sql`${t.channel} in ('phone', 'email', 'meeting', 'event', 'letter')`,
    ),
    check(
      "owner_contacts_outcome_check",
      sql`${t.outcome} in ('interested', 'not_interested', 'follow_up', 'unit_offered')`,
    ),
  ],
);

/** A home a private owner offers the programme; once accepted it enters the stock as a unit of origin private. */
export const ownerOffers = pgTable(
  "owner_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => privateOwners.id),
    address: text("address").notNull(),
    town: text("town").notNull(),
    municipio: smallint("municipio"),
    surfaceM2: numeric("surface_m2", { precision: 7, scale: 2, mode: "number" }).notNull(),
    rooms: smallint("rooms").notNull(),
    /** The monthly rent the owner asks, in cents. */
    askedRentCents: integer("asked_rent_cents").notNull(),
    offeredOn: date("offered_on").notNull(),
    status: text("status").notNull().default("offered"),
    decidedOn: date("decided_on"),
    reason: text("reason").notNull().default(""),
    /** The unit it became in the stock, once accepted. */
    unitId: uuid("unit_id").references(() => units.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("owner_offers_owner_idx").on(t.ownerId),
    uniqueIndex("owner_offers_unit_key").on(t.unitId),
    check(
      "owner_offers_status_check",
      sql`${t.status} in ('offered', 'under_review', 'accepted', 'declined', 'withdrawn')`,
    ),
    check("owner_offers_unit_check", sql`(${t.status} = 'accepted') = (${t.unitId} is not null)`),
    check(
      "owner_offers_figures_check",
      sql`${t.surfaceM2} > 0 and ${t.rooms} > 0 and ${t.askedRentCents} >= 0`,
    ),
    check(
      "owner_offers_place_check",
      sql`(${t.municipio} is null or (${t.municipio} between 1 and 9 and ${t.town} = 'Milano'))`,
    ),
  ],
);

/** A guarantee offered to owners: the rent guarantee fund, damage cover; its terms. */
export const guaranteeSchemes = pgTable(
  "guarantee_schemes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    terms: text("terms").notNull(),
    /** The most it covers for one home, in cents, and for how many months. */
    maxCoverCents: integer("max_cover_cents").notNull(),
    maxMonths: smallint("max_months").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("guarantee_schemes_name_key").on(t.name),
    check("guarantee_schemes_kind_check", sql`${t.kind} in ('rent_guarantee_fund', 'damage_cover')`),
    check("guarantee_schemes_figures_check", sql`${t.maxCoverCents} > 0 and ${t.maxMonths} > 0`),
  ],
);

/** A guarantee granted on an accepted owner's home. */
export const guaranteeUptakes = pgTable(
  "guarantee_uptakes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => guaranteeSchemes.id),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => ownerOffers.id),
    fromOn: date("from_on").notNull(),
    toOn: date("to_on").notNull(),
    coverCents: integer("cover_cents").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("guarantee_uptakes_key").on(t.schemeId, t.offerId),
    check("guarantee_uptakes_dates_check", sql`${t.toOn} >= ${t.fromOn}`),
    check("guarantee_uptakes_cover_check", sql`${t.coverCents} > 0`),
  ],
);

// ── Community fund of a Municipio network (seed 003) ─────────────────────────────────────────────

/**
 * The ledger of a network's community fund (the network is a management body of one Municipio):
 * contributions in, expenses out once its coordination approved them by a decision.
 */
export const fundEntries = pgTable(
  "fund_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    kind: text("kind").notNull(),
    amountCents: integer("amount_cents").notNull(),
    entryOn: date("entry_on").notNull(),
    /** Who gave it, or whom it paid. */
    counterpart: text("counterpart").notNull(),
    description: text("description").notNull(),
    /** An expense: proposed, then approved by the decision or rejected. */
    status: text("status").notNull(),
    decisionId: uuid("decision_id").references(() => governanceDecisions.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("fund_entries_body_idx").on(t.bodyId, t.entryOn),
    check("fund_entries_kind_check", sql`${t.kind} in ('contribution', 'expense')`),
    check("fund_entries_amount_check", sql`${t.amountCents} > 0`),
    check(
      "fund_entries_status_check",
      sql`(${t.kind} = 'contribution' and ${t.status} = 'recorded') or (${t.kind} = 'expense' and ${t.status} in ('proposed', 'approved', 'rejected'))`,
    ),
    check("fund_entries_decision_check", sql`(${t.status} = 'approved') = (${t.decisionId} is not null)`),
  ],
);

// ── Community welfare (B.3, seed 004) ────────────────────────────────────────────────────────────

/** A shared service of a building or a neighbourhood (portierato sociale, biblioteca condominiale…). */
export const welfareServices = pgTable(
  "welfare_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** A building's service (its code), or a neighbourhood's (its place only). */
    buildingCode: text("building_code").references(() => buildings.code),
    town: text("town").notNull(),
    municipio: smallint("municipio"),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check(
      "welfare_services_kind_check",
      sql`${t.kind} in ('social_concierge', 'condominium_library', 'shared_nurse', 'home_delivery', 'after_school', 'meeting_room', 'other')`,
    ),
    check(
      "welfare_services_place_check",
      sql`(${t.municipio} is null or (${t.municipio} between 1 and 9 and ${t.town} = 'Milano'))`,
    ),
    check("welfare_services_dates_check", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** An activity of a shared service, with how many took part: a count, never who. */
export const welfareActivities = pgTable(
  "welfare_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => welfareServices.id),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    participants: integer("participants").notNull(),
    /** Of whom residents of the programme's homes (a count too). */
    residents: integer("residents").notNull().default(0),
    note: text("note").notNull().default(""),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("welfare_activities_service_idx").on(t.serviceId, t.heldOn),
    check(
      "welfare_activities_counts_check",
      sql`${t.participants} >= 0 and ${t.residents} >= 0 and ${t.residents} <= ${t.participants}`,
    ),
  ],
);

/** A common or non-residential space of a building, and what it is used for. */
export const commonSpaces = pgTable(
  "common_spaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    buildingCode: text("building_code")
      .notNull()
      .references(() => buildings.code),
    name: text("name").notNull(),
    /** common: for the residents (laundry, meeting room, garden); non_residential: a shop, a workshop, an office. */
    kind: text("kind").notNull(),
    use: text("use").notNull().default(""),
    capacity: smallint("capacity"),
    bookable: boolean("bookable").notNull().default(false),
    surfaceM2: numeric("surface_m2", { precision: 7, scale: 2, mode: "number" }),
    /** The building's house rules (regolamento di casa) for the space, self-managed by the residents. */
    rules: text("rules").notNull().default(""),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("common_spaces_name_key").on(t.buildingCode, t.name),
    check("common_spaces_kind_check", sql`${t.kind} in ('common', 'non_residential')`),
    check("common_spaces_bookable_check", sql`not ${t.bookable} or ${t.kind} = 'common'`),
  ],
);

/** A booking of a common space by its residents (a group, an activity; not a person's name). */
export const spaceBookings = pgTable(
  "space_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => commonSpaces.id),
    bookedFor: date("booked_for").notNull(),
    fromTime: text("from_time").notNull(),
    toTime: text("to_time").notNull(),
    purpose: text("purpose").notNull(),
    status: text("status").notNull().default("booked"),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("space_bookings_space_idx").on(t.spaceId, t.bookedFor),
    check("space_bookings_times_check", sql`${t.toTime} > ${t.fromTime}`),
    check("space_bookings_status_check", sql`${t.status} in ('booked', 'cancelled')`),
  ],
);
