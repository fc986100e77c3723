// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
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
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
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
      sql`${t.status} in ('to_renovate', 'renovating', 'available', 'offered', 'let_pending', 'let', 'vacating', 'unavailable')`,
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
  (t) => [index("support_plan_reviews_plan_idx").on(t.planId, t.date)],
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
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("tenancies_unit_open_key").on(t.unitId).where(sql`${t.status} in ('draft', 'active')`),
    uniqueIndex("tenancies_offer_open_key").on(t.offerId).where(sql`${t.status} in ('draft', 'active')`),
    index("tenancies_household_idx").on(t.householdId),
    check("tenancies_status_check", sql`${t.status} in ('draft', 'active', 'ended', 'cancelled')`),
  ],
);
