// SPDX-License-Identifier: EUPL-1.2
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, type Permission, type Role } from "../../domain/auth/roles.ts";
import { DEMO_ORGANISATIONS } from "../../domain/demo/demo-programme.ts";
import type { ActionView } from "../../domain/governance/governance-api.schema.ts";
import type {
  HouseholdDetail,
  HouseholdSummary,
  ReferralView,
} from "../../domain/households/household-api.schema.ts";
import type { OverdueReview } from "../../domain/support-plans/support-plan.schema.ts";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import type { TimelineItemView } from "../../domain/timeline/timeline-api.schema.ts";
import type { Unit, UnitCategory, UnitStatus } from "../../domain/units/unit.schema.ts";
import { UNIT_FILE_COLUMNS, unitFileHeader, unitToRow } from "../../domain/units/unit-file.ts";
import {
  allocationOffers,
  allocationRulesVersions,
  allocationRuns,
  buildings,
  householdConsents,
  householdDocuments,
  householdEvents,
  householdExits,
  householdFollowUps,
  householdMembers,
  households,
  organisations,
  referrals,
  supportInterventions,
  supportPlanReviews,
  supportPlans,
  unitEvents,
  units,
} from "../db/schema.ts";
import { readSpreadsheet, writeCsv, writeXlsx, XLSX_TYPE } from "../shared/spreadsheet.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import {
  EXPENSE_CLAIM,
  EXPENSE_LINE,
  type ExpenseClaimRecord,
  type Expenses,
  expenseDocumentForm,
  expensesKeysOf,
  expensesOf,
  expensesSnapshot,
} from "./cross-partner-expenses.ts";
import {
  callUpdateOf,
  type Funding,
  fundingKeysOf,
  fundingOf,
  fundingSnapshot,
} from "./cross-partner-funding.ts";
import {
  ATTACK_PERIOD,
  ATTACK_STATEMENT_PREFIX,
  attackPeriodCharges,
  chargesOfRun,
  type Housing,
  housingOf,
  housingSnapshot,
  linesOfImport,
  PDF,
  PHOTO,
  statementFile,
} from "./cross-partner-housing.ts";
import { type Renovation, renovationOf, renovationSnapshot } from "./cross-partner-renovation.ts";

/*
 * Every partner-scoped operation of the OpenAPI document, tried by each Area B partner's accounts
 * against each other Area B partner's units, households, referrals, tenancies and what hangs from them
 * (rent account, arrears case, tasks, economic referrals, tickets, move-in checklist). The attacks are
 * generated from the document, so a new operation with `{id}`, a `partner` filter, a body naming a
 * partner, a unit, a household or a tenancy, a list of households, referrals, case records or tenancy
 * records, or an uploaded file is attacked without editing this file (or makes it fail, naming the
 * operation it cannot attack yet). The tenant's portal is attacked by each partner's tenant against the
 * other partners' households.
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  "x-permission"?: string;
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

type Account = { role: Role; partner: string; client: TestClient; userId: string };
type Partner = {
  code: string;
  categories: UnitCategory[];
  units: Unit[];
  /**
   * One household per category: the first with its referral pending, the others accepted and
   * assessed, with a support plan whose review is overdue, an intervention, a consent and a document
   * with its file.
   */
  households: HouseholdDetail[];
  /** The ids of the records below each household, by path parameter (`documentId`, `consentId`). */
  records: Map<string, Record<string, string>>;
  /** Offers of the partner's units to its households, made by the Comune (one, pending). */
  offers: string[];
  referrals: ReferralView[];
  accounts: Account[];
  organisationId: string;
  /** Its tenancies and their records (see cross-partner-housing.ts). */
  housing: Housing;
  /** The contractor it registered and a works on one of its units (see cross-partner-renovation.ts). */
  renovation: Renovation;
  /** Its funding records: a call and its award, a pledge, a loan (see cross-partner-funding.ts). */
  funding: Funding;
  /** Its budget, a documented draft claim and an approved one (see cross-partner-expenses.ts). */
  expenses: Expenses;
  /** A phase of the programme's timeline it owns (a shared register: everyone reads it). */
  timelineItem: TimelineItemView;
  /** An action of a governance body its organisation is responsible for (governance is shared too). */
  governanceAction: ActionView;
  /** A shared service it runs, a common space it manages and a booking of it (community welfare). */
  welfare: { serviceId: string; spaceId: string; bookingId: string };
};
/**
 * A record attacked by id: the keys it may be asked by, what a body about it needs, and the values of
 * the path's other parameters (a document or consent of the record's own).
 */
type Target = {
  name: string;
  keys: Record<string, string>;
  version: number;
  category: UnitCategory;
  params: Record<string, string>;
};
/** One request of an attacker; `judge` returns why the answer is a breach, or null. */
type Attack = {
  operation: string;
  label: string;
  send: () => Promise<Response>;
  judge: (res: Response) => Promise<string | null>;
};

const AREA_B = DEMO_ORGANISATIONS.filter((o) => o.area === "B");
const ACCOUNT_ROLES = ["area_b_manager", "area_b_educator"] as const satisfies readonly Role[];
/** The statuses the seeded units start in, so that some transitions would be allowed if reached. */
const START_STATUSES: readonly UnitStatus[] = ["available", "let", "to_renovate", "offered"];
const UNITS_PER_CATEGORY = 2;
const CATEGORY_CODES: Record<UnitCategory, string> = {
  calmierato: "CAL",
  calmierato_ridotto: "RID",
  fragilita: "FRA",
};
/** Rents and signatories differ between partners: a statement line about one partner's tenancy fits no other. */
const RENTS_CENTS = [25_000, 24_000, 23_000];
const SIGNATORIES = ["Aurora Fittizi Uno", "Bruno Fittizi Due", "Clelia Fittizi Tre"];
const BATCH = 8;
const MIN_REQUESTS = 6000;

let ctx: TestContext;
let partners: Partner[];
let before: Awaited<ReturnType<typeof snapshot>>;
let plan: { operations: string[]; attacks: Attack[] };

/** Every unit, household and referral with what hangs from them, read as the owner (past every policy). */
async function snapshot() {
  return {
    units: await ctx.db.select().from(units).orderBy(asc(units.code)),
    events: await ctx.db.select().from(unitEvents).orderBy(asc(unitEvents.id)),
    households: await ctx.db.select().from(households).orderBy(asc(households.reference)),
    members: await ctx.db.select().from(householdMembers).orderBy(asc(householdMembers.id)),
    householdEvents: await ctx.db.select().from(householdEvents).orderBy(asc(householdEvents.id)),
    referrals: await ctx.db.select().from(referrals).orderBy(asc(referrals.id)),
    supportPlans: await ctx.db.select().from(supportPlans).orderBy(asc(supportPlans.id)),
    supportPlanReviews: await ctx.db.select().from(supportPlanReviews).orderBy(asc(supportPlanReviews.id)),
    interventions: await ctx.db.select().from(supportInterventions).orderBy(asc(supportInterventions.id)),
    consents: await ctx.db.select().from(householdConsents).orderBy(asc(householdConsents.id)),
    documents: await ctx.db.select().from(householdDocuments).orderBy(asc(householdDocuments.id)),
    exits: await ctx.db.select().from(householdExits).orderBy(asc(householdExits.id)),
    followUps: await ctx.db.select().from(householdFollowUps).orderBy(asc(householdFollowUps.id)),
    offers: await ctx.db.select().from(allocationOffers).orderBy(asc(allocationOffers.id)),
    runs: await ctx.db.select().from(allocationRuns).orderBy(asc(allocationRuns.id)),
    rules: await ctx.db.select().from(allocationRulesVersions).orderBy(asc(allocationRulesVersions.id)),
    ...(await housingSnapshot(ctx)),
    ...(await renovationSnapshot(ctx)),
    ...(await fundingSnapshot(ctx)),
    ...(await expensesSnapshot(ctx)),
  };
}

const REPORT = { situation: "Tentativo tra partner.", reasons: "Prova di isolamento.", urgency: "ordinary" };
/** A support plan whose first review (1 April 2026) is long overdue. */
const PLAN = {
  startDate: "2026-01-01",
  intensity: "medium",
  team: [{ role: "educator", name: "Educatore di prova" }],
  goals: [{ domain: "housing", description: "Obiettivo di prova", actions: [] }],
};

/** The case records of an accepted household: an intervention, a consent, a document with its file. */
async function caseRecordsOf(householdId: string, manager: TestClient) {
  const base = `/households/${householdId}`;
  const intervention = await manager.post(`${base}/interventions`, {
    date: "2026-11-22",
    minutes: 30,
    type: "interview",
    note: "Nota riservata di prova",
  });
  const consent = await manager.post(`${base}/consents`, {
    purpose: "special_categories",
    givenOn: "2026-11-22",
  });
  const form = new FormData();
  form.set("kind", "social_report");
  form.set("title", "Relazione di prova");
  form.set("file", PDF);
  const document = await manager.request("POST", `${base}/documents`, form);
  if (intervention.status !== 201 || consent.status !== 201 || document.status !== 201)
    throw new Error(
      `case records fixture failed: ${intervention.status} ${consent.status} ${document.status}`,
    );
  return {
    consentId: ((await consent.json()) as { id: string }).id,
    documentId: ((await document.json()) as { id: string }).id,
  };
}

/** The partner's households: one per category, the first pending, the others accepted and assessed. */
async function householdsOf(code: string, categories: UnitCategory[], manager: TestClient) {
  const own: HouseholdDetail[] = [];
  const referred: ReferralView[] = [];
  const records = new Map<string, Record<string, string>>();
  for (const [i, category] of categories.entries()) {
    const { household, referral } = await ctx.newHousehold({ partnerCode: code, category });
    if (i > 0) {
      const accepted = await manager.post(`/referrals/${referral.id}/accept`);
      const assessed = await manager.post(`/households/${household.id}/transitions`, { to: "assessed" });
      const plan = await manager.request("PUT", `/households/${household.id}/plan`, { ...PLAN, version: 0 });
      if (accepted.status !== 200 || assessed.status !== 200 || plan.status !== 200)
        throw new Error("household fixture failed");
      records.set(household.id, await caseRecordsOf(household.id, manager));
    }
    own.push((await (await manager.get(`/households/${household.id}`)).json()) as HouseholdDetail);
    referred.push(
      ((await (await manager.get("/referrals?limit=500")).json()) as { items: ReferralView[] }).items.find(
        (r) => r.id === referral.id,
      ) as ReferralView,
    );
  }
  return { households: own, referrals: referred, records };
}

/** The Comune offers one of the partner's available units to one of its households, made waiting. */
async function offersOf(
  partner: Pick<Partner, "units" | "households">,
  comune: TestClient,
  manager: TestClient,
) {
  const household = partner.households.at(-1) as HouseholdDetail;
  const unit = partner.units.find((u) => u.status === "available") as Unit;
  const waiting = await manager.post(`/households/${household.id}/transitions`, { to: "waiting" });
  const offer = await comune.post("/offers", {
    unitId: unit.id,
    householdId: household.id,
    reason: "Proposta di prova",
  });
  if (waiting.status !== 200 || offer.status !== 201)
    throw new Error(`offer fixture failed: ${waiting.status} ${offer.status} ${await offer.text()}`);
  return [((await offer.json()) as { id: string }).id];
}

beforeAll(async () => {
  ctx = await createTestContext();
  partners = [];
  const comune = await ctx.loginAs("comune_housing_officer");
  // The Comune's reviewer of expense claims: sets each partner's budget and approves a claim of its.
  const reviewer = await ctx.loginAs("comune_admin");
  for (const organisation of AREA_B) {
    const categories = [...organisation.categories];
    const own: Unit[] = [];
    for (const category of categories) {
      for (let n = 1; n <= UNITS_PER_CATEGORY; n++) {
        own.push(
          await ctx.newUnit({
            code: `${organisation.code}-${CATEGORY_CODES[category]}-${n}`,
            category,
            managingPartnerCode: organisation.code,
            status: START_STATUSES[own.length % START_STATUSES.length],
          }),
        );
      }
    }
    const accounts: Account[] = [];
    for (const role of ACCOUNT_ROLES) {
      const client = await ctx.loginAs(role, organisation.code);
      const me = (await (await client.get("/auth/me")).json()) as { id: string };
      accounts.push({ role, partner: organisation.code, client, userId: me.id });
    }
    const manager = accounts.find((a) => a.role === "area_b_manager")?.client as TestClient;
    const cases = await householdsOf(organisation.code, categories, manager);
    const offers = await offersOf({ units: own, households: cases.households }, comune, manager);
    // The offer moved a unit and a household on: read them again, as they now stand.
    const units = await Promise.all(
      own.map(async (u) => (await (await manager.get(`/units/${u.id}`)).json()) as Unit),
    );
    const households = await Promise.all(
      cases.households.map(
        async (h) => (await (await manager.get(`/households/${h.id}`)).json()) as HouseholdDetail,
      ),
    );
    const housing = await housingOf(ctx, {
      code: organisation.code,
      category: categories.find((c) => c !== "fragilita") as "calmierato" | "calmierato_ridotto",
      manager,
      rentCents: RENTS_CENTS[partners.length] as number,
      signatory: SIGNATORIES[partners.length] as string,
    });
    const renovation = await renovationOf(manager, {
      code: organisation.code,
      n: partners.length,
      unitCode: units.find((u) => u.status === "to_renovate")?.code as string,
    });
    const funding = await fundingOf(manager, { code: organisation.code });
    const expenses = await expensesOf(manager, { code: organisation.code, comune: reviewer });
    const timelineItem = await timelineItemOf(manager, organisation.code);
    const governanceAction = await governanceActionOf(reviewer, organisation.code);
    const welfare = await welfareOf(manager, organisation.code);
    const [org] = await ctx.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, organisation.code));
    partners.push({
      code: organisation.code,
      categories,
      units,
      ...cases,
      households,
      offers,
      accounts,
      organisationId: org?.id as string,
      housing,
      renovation,
      funding,
      expenses,
      timelineItem,
      governanceAction,
      welfare,
    });
  }
  const doc = (await (
    await partners[0]?.accounts[0]?.client.get("/openapi.json")
  )?.json()) as OpenApiDocument;
  plan = await planAttacks(doc);
  before = await snapshot();
}, 240_000);
afterAll(() => ctx.close());

// ---- The plan: which operations are partner-scoped, and how each is attacked ----

/** The named schemas of the document, which bodies refer to with `$ref`. */
let components: Record<string, JsonSchema> = {};
const resolved = (schema: JsonSchema | undefined) =>
  schema?.$ref === undefined ? schema : components[schema.$ref.replace("#/components/schemas/", "")];
const propertiesOf = (schema: JsonSchema | undefined) => resolved(schema)?.properties ?? {};
const queryParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === "query");
const jsonBodyOf = (op: Operation) => op.requestBody?.content["application/json"]?.schema;
const fileBodyOf = (op: Operation) =>
  Object.values(propertiesOf(op.requestBody?.content["multipart/form-data"]?.schema)).some(
    (p) => p.format === "binary",
  );

const resourceOf = (path: string) => path.split("/")[1] ?? "";
/** Collections whose every record belongs to a partner: listing them is partner-scoped. */
const PARTNER_COLLECTIONS = new Set(["households", "referrals", "support-plans"]);
/** Lists of case records and people that carry no partner field: judged by what they mention. */
const CASE_COLLECTIONS = new Set(["caseload", "follow-ups", "staff", "offers"]);
/**
 * Lists of tenancies and their records (rent accounts, statement lines, pagoPA positions, arrears,
 * tasks, tickets): judged by what they mention of the other partner's, by every filter they take.
 */
const TENANCY_COLLECTIONS = new Set([
  "tenancies",
  "ledger",
  "arrears",
  "tasks",
  "maintenance",
  "works",
  "funding",
  "expenses",
]);
/**
 * Registers every partner reads (a contractor's record is no partner's secret): reading one by id is
 * not attacked; changing another organisation's is, and must be refused with 403 (see
 * sharedRegisterAttacks).
 */
const SHARED_REGISTERS = new Set([
  "contractors",
  "timeline",
  "governance",
  "workspace",
  "networks",
  "welfare",
]);
/** A shared register's record changed by id: only its recording organisation or the Comune may. */
const SHARED_RECORD_CHANGES = new Set([
  "PUT /contractors/{id}",
  "PUT /funding/calls/{id}",
  "PUT /timeline/{id}",
  "PUT /governance/actions/{id}",
  "POST /welfare/services/{id}/activities",
  "POST /welfare/spaces/{id}/bookings",
  "POST /welfare/bookings/{id}/cancel",
]);
/**
 * Operations on a shared register's record that every partner may do: a call for funding is open to
 * every partner's application, the library to every partner's documents. Not attacks; what each
 * partner's application shows is (the lists).
 */
const OPEN_TO_EVERY_PARTNER = new Set([
  "POST /funding/calls/{id}/applications",
  // The shared library: any partner adds a document, or a version of any document (signed with its
  // own organisation, which the row-level policy holds).
  "POST /workspace/library",
  "POST /workspace/library/{id}/versions",
  // A Municipio network's community fund: any partner contributes or proposes an expense, for its own
  // organisation (the row-level policy holds it); approving one is the programme's.
  "POST /networks/{id}/fund/contributions",
  "POST /networks/{id}/fund/expenses",
]);
/** Body fields naming a record of a partner: a unit, a household, a tenancy. */
const RECORD_FIELDS = ["unitId", "householdId", "tenancyId", "units"];
/** Operations that act on every record in the caller's scope, naming none. */
const SCOPE_WIDE = new Set(["POST /ledger/charge-runs"]);

/**
 * Partner-scoped: a record in the path, a `partner` filter, a body naming a partner or a record of
 * one, a run over the caller's scope, a list of households, referrals or tenancy records, or an
 * uploaded file (of units, of a bank statement).
 */
function isPartnerScoped(method: string, path: string, op: Operation) {
  const body = propertiesOf(jsonBodyOf(op));
  if (method === "get" && SHARED_REGISTERS.has(resourceOf(path))) return false;
  if (OPEN_TO_EVERY_PARTNER.has(`${method.toUpperCase()} ${path}`)) return false;
  return (
    path.includes("{id}") ||
    queryParams(op).some((p) => p.name === "partner") ||
    "managingPartnerCode" in body ||
    "partnerCode" in body ||
    RECORD_FIELDS.some((field) => field in body) ||
    "partnerId" in body ||
    SCOPE_WIDE.has(`${method.toUpperCase()} ${path}`) ||
    fileBodyOf(op) ||
    (method === "get" &&
      (PARTNER_COLLECTIONS.has(resourceOf(path)) ||
        CASE_COLLECTIONS.has(resourceOf(path)) ||
        TENANCY_COLLECTIONS.has(resourceOf(path))))
  );
}

/** The records of a partner that an operation on `resource` by id can be aimed at. */
function targetsOf(resource: string, operation: string, partner: Partner): Target[] {
  switch (resource) {
    case "units":
      return partner.units.map((u) => ({
        name: u.code,
        keys: { uuid: u.id, code: u.code, "code in lower case": u.code.toLowerCase() },
        version: u.version,
        category: u.category,
        params: {},
      }));
    case "households":
      // A household's economic referrals are aimed at the households in a tenancy, who have them.
      if (operation.includes("economic-referrals"))
        return [partner.housing.active, partner.housing.draft].map((t) => ({
          name: t.household.reference,
          keys: byReference(t.household.id, t.household.reference),
          version: 0,
          category: t.unit.category as UnitCategory,
          params: {},
        }));
      // A path naming a record below the household is aimed at the households that have one.
      return partner.households
        .filter((h) => !/\{(documentId|consentId)\}/.test(operation) || partner.records.has(h.id))
        .map((h) => ({
          name: h.reference,
          keys: { uuid: h.id, reference: h.reference, "reference in lower case": h.reference.toLowerCase() },
          version: h.version,
          category: h.category,
          params: { months: "6", ...partner.records.get(h.id) },
        }));
    case "offers":
      return partner.offers.map((id) => ({
        name: `offer ${id}`,
        keys: { uuid: id },
        version: 1,
        category: partner.categories[0] as UnitCategory,
        params: {},
      }));
    case "referrals":
      return partner.referrals.map((r) => ({
        name: `${r.status} referral of ${r.householdReference}`,
        keys: { uuid: r.id },
        version: 0,
        category: r.category,
        params: {},
      }));
    case "tenancies":
      // A path naming a document of the tenancy is aimed at the tenancy in force, which has one.
      return [partner.housing.active, partner.housing.draft]
        .filter((t) => !operation.includes("{documentId}") || t.status === "active")
        .map((t) => ({
          name: `${t.status} tenancy ${t.reference}`,
          keys: byReference(t.id, t.reference),
          version: t.version,
          category: t.unit.category as UnitCategory,
          params: { documentId: partner.housing.documentId },
        }));
    case "arrears":
    case "economic-referrals":
    case "tasks":
    case "ledger": {
      const h = partner.housing;
      const ids: Record<string, [string, string][]> = {
        arrears: [["arrears case", h.caseId]],
        "economic-referrals": [["economic referral", h.economicReferralId]],
        tasks: [["task", h.taskId]],
        ledger: [
          ["matched statement line", h.bankLines.matched],
          ["queued statement line", h.bankLines.unmatched],
        ],
      };
      return (ids[resource] ?? []).map(([name, id]) => ({
        name: `${name} ${id}`,
        keys: { uuid: id },
        version: 0,
        category: h.active.unit.category as UnitCategory,
        params: {},
      }));
    }
    case "maintenance": {
      const { ticket, active } = partner.housing;
      return [
        {
          name: `ticket ${ticket.reference}`,
          keys: byReference(ticket.id, ticket.reference),
          version: ticket.version,
          category: active.unit.category as UnitCategory,
          params: { photoId: ticket.photoId },
        },
      ];
    }
    case "works": {
      const { works } = partner.renovation;
      return [
        {
          name: `works ${works.reference}`,
          keys: byReference(works.id, works.reference),
          version: works.version,
          category: partner.categories[0] as UnitCategory,
          params: {},
        },
      ];
    }
    case "funding": {
      const f = partner.funding;
      const byPath: [RegExp, string, string, number][] = [
        [
          /^\S+ \/funding\/applications\//,
          "application",
          f.applicationId,
          f.call.applications[0]?.version ?? 1,
        ],
        [/^\S+ \/funding\/pledges\//, "pledge", f.pledge.id, 0],
        [/^\S+ \/funding\/loans\//, "loan", f.loan.id, f.loan.version],
        [/^\S+ \/funding\/guarantees\//, "guarantee", f.guaranteeId, f.loan.guarantees[0]?.version ?? 1],
      ];
      return byPath
        .filter(([re]) => re.test(operation))
        .map(([, name, id, version]) => ({
          name: `${name} ${id}`,
          keys: { uuid: id },
          version,
          category: partner.categories[0] as UnitCategory,
          params: {},
        }));
    }
    case "expenses": {
      const { draft, approved } = partner.expenses;
      return [draft, approved].map((c: ExpenseClaimRecord) => ({
        name: `${c.status} claim ${c.reference}`,
        // The claims' routes take a uuid only: a reference names no claim, one's own neither.
        keys: { uuid: c.id },
        version: c.version,
        category: partner.categories[0] as UnitCategory,
        params: { lineId: c.lineId, documentId: c.documentIds[0] as string },
      }));
    }
    default:
      throw new Error(
        `no records to aim ${operation} at: teach cross-partner.test.ts the resource ${resource}`,
      );
  }
}

/** Bodies a works would accept (award, a phase started, a cost, the checklist, completion). */
function worksBodiesFor(
  props: Record<string, JsonSchema>,
  attacker: Partner,
  target: Target,
): object[] | null {
  const version = target.version;
  if ("contractorId" in props)
    return [{ contractorId: attacker.renovation.contractor.id, awardedOn: "2026-08-21", version }];
  if ("phase" in props) {
    const phase = { name: "Demolizioni", plannedStart: "2026-09-01", plannedEnd: "2026-09-30" };
    return [
      { position: 1, phase: { ...phase, actualStart: "2026-09-02" }, version },
      { position: 2, phase: { ...phase, name: "cross-partner attempt" }, version },
    ];
  }
  if ("fundingSource" in props)
    return [
      {
        description: "cross-partner attempt",
        invoiceNumber: "X-1",
        invoiceDate: "2026-10-01",
        amountExVatCents: 100,
        vatCents: 10,
        fundingSource: "grant",
      },
    ];
  if ("ticked" in props) return [{ ticked: ["energy_certificate"], version }];
  if ("completedOn" in props) return [{ completedOn: "2026-11-20", version }];
  return null;
}

/**
 * Bodies a funding record would accept from its own partner (an outcome, a receipt, a decision, a
 * guarantee, a renewal, a payment), so that only the scope stands in the way.
 */
function fundingBodiesFor(props: Record<string, JsonSchema>, target: Target): object[] | null {
  const version = target.version;
  if ("awardedCents" in props)
    return [
      { outcome: "rejected", decidedOn: "2026-11-20", version },
      { outcome: "awarded", decidedOn: "2026-11-20", awardedCents: 1, version },
    ];
  if ("receivedOn" in props) return [{ amountCents: 1, receivedOn: "2026-11-20" }];
  if ("decision" in props)
    return [
      { decision: "declined", decidedOn: "2026-11-20", version },
      { decision: "accepted", decidedOn: "2026-11-20", disbursedOn: "2026-11-30", version },
    ];
  if ("issuer" in props)
    return [
      {
        issuer: "cross-partner attempt",
        kind: "bank",
        amountCents: 1,
        issuedOn: "2026-11-01",
        expiresOn: "2027-11-01",
      },
    ];
  if ("expiresOn" in props && "version" in props) return [{ expiresOn: "2030-01-01", version }];
  if ("paidOn" in props) return [{ paidOn: "2026-11-20", principalCents: 1, interestCents: 1 }];
  return null;
}

/**
 * Bodies an expense claim would accept from its own partner (a new heading, a cost line added or
 * changed, with the claim's version and a stale one), so that only the scope stands in the way. Submit
 * and reimbursement take the version only (the generic branch); review and payment are the Comune's.
 */
function expensesBodiesFor(props: Record<string, JsonSchema>, target: Target): object[] | null {
  const version = target.version;
  if ("periodFrom" in props && "version" in props)
    return [
      { ...EXPENSE_CLAIM, title: "cross-partner attempt", version },
      { ...EXPENSE_CLAIM, title: "cross-partner attempt, stale version", version: version + 7 },
    ];
  if ("incurredOn" in props && "version" in props)
    return [
      { ...EXPENSE_LINE, version },
      { ...EXPENSE_LINE, version: version + 7 },
    ];
  if ("incurredOn" in props) return [EXPENSE_LINE];
  return null;
}

/** A record asked by uuid or by its reference, as written and in lower case. */
const byReference = (id: string, reference: string) => ({
  uuid: id,
  reference,
  "reference in lower case": reference.toLowerCase(),
});

/** A category the partner manages, the unit's own when it can. */
const categoryFor = (partner: Partner, current: UnitCategory) =>
  partner.categories.includes(current) ? current : (partner.categories[0] as UnitCategory);

/** The bodies an attacker sends to an operation on someone else's record, from the operation's body schema. */
function bodiesFor(
  operation: string,
  op: Operation,
  attacker: Partner,
  victim: Partner,
  target: Target,
): (object | undefined)[] {
  const body = jsonBodyOf(op);
  if (op.requestBody === undefined) return [undefined];
  const expenses = resourceOf(operation.split(" ")[1] ?? "") === "expenses";
  // A supporting document that would be accepted on one's own draft's cost line.
  if (body === undefined && fileBodyOf(op))
    return [expenses ? expenseDocumentForm("cross-partner") : uploadFor(op)];
  const props = propertiesOf(body);
  const expenseBodies = expenses ? expensesBodiesFor(props, target) : null;
  if (expenseBodies !== null) return expenseBodies;
  if (props.to?.enum !== undefined) {
    return props.to.enum.map((to) => ({
      to,
      note: "cross-partner attempt",
      ...("reason" in props ? { reason: "cross-partner attempt" } : {}),
    }));
  }
  const funding = fundingBodiesFor(props, target);
  if (funding !== null) return funding;
  const tenancyBody = tenancyBodiesFor(props, attacker, victim, target);
  if (tenancyBody !== null) return tenancyBody;
  if ("version" in props && "managingPartnerCode" in props) {
    return [
      { version: target.version, notes: "cross-partner attempt" },
      {
        version: target.version,
        managingPartnerCode: attacker.code,
        category: categoryFor(attacker, target.category),
      },
      { version: target.version + 7, notes: "cross-partner attempt with a stale version" },
    ];
  }
  if ("version" in props && "members" in props) {
    return [
      { version: target.version, phone: "cross-partner attempt" },
      { version: target.version, category: categoryFor(attacker, target.category) },
      { version: target.version + 7, phone: "cross-partner, stale version" },
    ];
  }
  if ("version" in props && "goals" in props) {
    return [
      { ...PLAN, version: 0, intensity: "high" },
      { ...PLAN, version: 1, intensity: "high" },
      { ...PLAN, version: 8, intensity: "high" },
    ];
  }
  if ("autonomy" in props) {
    return [
      { date: "2026-11-01", notes: "cross-partner attempt", autonomy: { housing: 5 } },
      { date: "2020-01-01", autonomy: {} },
    ];
  }
  if ("declinedBy" in props) {
    return [{ reason: "cross-partner attempt", declinedBy: "household", reasonable: false }];
  }
  if ("reason" in props && "version" in props && Object.keys(props).length === 2)
    return [{ reason: "cross-partner attempt", version: target.version }];
  if ("reason" in props) return [{ reason: "cross-partner attempt" }];
  if ("purpose" in props)
    return [{ purpose: "processing", givenOn: "2026-11-22", note: "cross-partner attempt" }];
  if ("withdrawnOn" in props) return [{ withdrawnOn: "2026-11-22", note: "cross-partner attempt" }];
  if ("kind" in props && "title" in props) return [{ kind: "other", title: "cross-partner attempt" }];
  if ("minutes" in props) {
    return [{ date: "2026-11-22", minutes: 30, type: "interview", note: "cross-partner attempt" }];
  }
  if ("destination" in props) return [{ date: "2026-11-22", planned: true, destination: "market_rent" }];
  if ("contactedOn" in props) return [{ contactedOn: "2026-11-22", situation: "same_home" }];
  if ("visitOn" in props) return [{ visitOn: "2026-11-25" }];
  if ("note" in props && Object.keys(props).length === 1) return [{ note: "cross-partner attempt" }];
  if ("partnerCode" in props && "report" in props) {
    return [attacker.code, victim.code].map((partnerCode) => ({ partnerCode, report: REPORT }));
  }
  const works = worksBodiesFor(props, attacker, target);
  if (works !== null) return works;
  throw new Error(`no attack body for ${operation}: teach cross-partner.test.ts this operation`);
}

/** A multipart upload about a record: a document (with its kind and title) or a photo. */
function uploadFor(op: Operation) {
  const fields = propertiesOf(op.requestBody?.content["multipart/form-data"]?.schema);
  const form = new FormData();
  if ("kind" in fields) form.set("kind", "other");
  if ("title" in fields) form.set("title", "cross-partner attempt");
  form.set("file", "title" in fields ? PDF : PHOTO);
  return form;
}

/**
 * The bodies of the tenancy areas' operations on a record: each a change that would be accepted on
 * one's own record (its version, valid terms and dates), so that only the scope stands in the way.
 */
function tenancyBodiesFor(
  props: Record<string, JsonSchema>,
  attacker: Partner,
  victim: Partner,
  target: Target,
): object[] | null {
  const note = "cross-partner attempt";
  if ("contractType" in props) {
    const terms = {
      contractType: target.category,
      startOn: "2026-12-01",
      endOn: "2030-11-30",
      renewalMonths: 48,
      noticeMonths: 6,
      depositCents: 30_000,
      rentCents: 10_000,
      serviceChargeCents: 1_000,
      signatories: [{ name: "Attacco Fittizio Prova", role: "holder" }],
    };
    return [
      { ...terms, version: target.version },
      { ...terms, version: target.version + 7 },
    ];
  }
  if ("endedOn" in props) return [{ version: target.version, endedOn: "2026-11-30", reason: note }];
  if ("version" in props && Object.keys(props).length === 1) return [{ version: target.version }];
  if ("annualIncomeCents" in props) return [{ effectiveOn: "2026-12-01", annualIncomeCents: 1_000_000 }];
  if ("writtenOn" in props) return [{ amountCents: 100, writtenOn: "2026-11-20", reason: note }];
  if ("checklist" in props) return [{ checklist: { notes: note }, completedOn: null }];
  if ("stage" in props) {
    return [
      { stage: "meeting", note },
      { stage: "reminder", note },
      { stage: "fund_referral", fund: "regional_solidarity", note },
      { stage: "legal", reason: note },
    ];
  }
  if ("instalments" in props) return [{ instalments: 6, firstDueOn: "2026-12-05", note }];
  if ("outcome" in props && "amountCents" in props)
    return [{ outcome: "granted", amountCents: 50_000, note }, { outcome: "dropped" }];
  if ("outcome" in props) return [{ outcome: note }];
  if ("kind" in props && "cause" in props) {
    return [
      { kind: "financial_education", note },
      { kind: "involuntary_arrears_fund", cause: note },
    ];
  }
  if ("version" in props && "assignee" in props) {
    return [
      { version: target.version, assignee: note },
      { version: target.version, urgency: "emergency" },
    ];
  }
  // A statement line of the other partner's, booked to one's own tenancy or to theirs.
  if ("tenancyId" in props && "note" in props) {
    return [
      { tenancyId: attacker.housing.active.id, note },
      { tenancyId: victim.housing.active.reference, note },
    ];
  }
  return null;
}

/** Keys of records that do not exist, in each form a record may be asked by. */
const MISSING_KEYS: Record<string, Record<string, string>> = {
  units: { uuid: randomUUID(), code: "NONE-0000", "code in lower case": "none-0000" },
  households: {
    uuid: randomUUID(),
    reference: "NUC-2026-99999",
    "reference in lower case": "nuc-2026-99999",
  },
  referrals: { uuid: randomUUID() },
  offers: { uuid: randomUUID() },
  tenancies: { uuid: randomUUID(), reference: "LOC-2026-99999", "reference in lower case": "loc-2026-99999" },
  arrears: { uuid: randomUUID() },
  "economic-referrals": { uuid: randomUUID() },
  tasks: { uuid: randomUUID() },
  works: { uuid: randomUUID(), reference: "LAV-2026-99999", "reference in lower case": "lav-2026-99999" },
  funding: { uuid: randomUUID() },
  expenses: { uuid: randomUUID() },
  ledger: { uuid: randomUUID() },
  maintenance: {
    uuid: randomUUID(),
    reference: "MAN-2026-99999",
    "reference in lower case": "man-2026-99999",
  },
};

const requestOf = (client: TestClient, method: string, path: string, body: object | undefined) =>
  client.request(method.toUpperCase(), path, body);

/**
 * The answer to the same request about a record that does not exist: another partner's record must
 * get exactly that answer (status and body, the key aside), so its existence is not revealed.
 */
const missingAnswers = new Map<string, Promise<{ status: number; text: string }>>();
function missingAnswer(
  account: Account,
  method: string,
  path: string,
  form: string,
  body: object | undefined,
) {
  const key = MISSING_KEYS[resourceOf(path)]?.[form] as string;
  const cacheKey = JSON.stringify([account.partner, account.role, method, path, form, body]);
  let answer = missingAnswers.get(cacheKey);
  if (answer === undefined) {
    answer = requestOf(account.client, method, path.replace("{id}", encodeURIComponent(key)), body).then(
      async (res) => ({ status: res.status, text: (await res.text()).replaceAll(key, "{id}") }),
    );
    missingAnswers.set(cacheKey, answer);
  }
  return answer;
}

function recordAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  // A read by id answers 404 as for a missing record; a role without the permission gets 403 for both.
  const allowedFor = (account: Account) => (method === "get" && permitted(account, op) ? [404] : [403, 404]);
  const resource = resourceOf(path);
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        for (const target of targetsOf(resource, operation, victim)) {
          // The other parameters take the target's own values (its document, its consent).
          const concrete = path.replace(/\{(\w+)\}/g, (whole, name: string) =>
            name === "id" ? whole : encodeURIComponent(target.params[name] ?? whole),
          );
          for (const [form, key] of Object.entries(target.keys)) {
            for (const body of bodiesFor(operation, op, attacker, victim, target)) {
              attacks.push({
                operation,
                label: `${account.role} of ${attacker.code}: ${operation} on ${victim.code}'s ${target.name} by ${form} ${JSON.stringify(body ?? null)}`,
                send: () =>
                  requestOf(account.client, method, concrete.replace("{id}", encodeURIComponent(key)), body),
                judge: async (res) => {
                  const text = (await res.text()).replaceAll(key, "{id}");
                  if (!allowedFor(account).includes(res.status)) return `answered ${res.status}: ${text}`;
                  const missing = await missingAnswer(account, method, concrete, form, body);
                  if (missing.status !== res.status || missing.text !== text) {
                    return `answered unlike a missing record (${res.status} ${text} vs ${missing.status} ${missing.text})`;
                  }
                  return null;
                },
              });
            }
          }
        }
      }
    }
    // Hand one's own unit over to another partner (a change of managing partner).
    if (method !== "get" && "managingPartnerCode" in propertiesOf(jsonBodyOf(op))) {
      for (const victim of partners.filter((p) => p !== attacker)) {
        for (const account of attacker.accounts) {
          for (const unit of attacker.units) {
            for (const category of victim.categories) {
              const body = { version: unit.version, managingPartnerCode: victim.code, category };
              attacks.push({
                operation: `${operation} (own unit to another partner)`,
                label: `${account.role} of ${attacker.code}: ${operation} moving ${unit.code} to ${victim.code} as ${category}`,
                send: () => requestOf(account.client, method, path.replace("{id}", unit.id), body),
                judge: async (res) =>
                  [403, 422].includes(res.status) ? null : `answered ${res.status}: ${await res.text()}`,
              });
            }
          }
        }
      }
    }
    // Book one's own statement line to another partner's tenancy.
    if (method !== "get" && "tenancyId" in propertiesOf(jsonBodyOf(op))) {
      for (const victim of partners.filter((p) => p !== attacker)) {
        const tenancy = victim.housing.active;
        for (const account of attacker.accounts) {
          for (const own of targetsOf(resource, operation, attacker)) {
            const concrete = path.replace("{id}", encodeURIComponent(own.keys.uuid as string));
            for (const [form, key] of Object.entries(byReference(tenancy.id, tenancy.reference))) {
              const missingKey = MISSING_KEYS.tenancies?.[form] as string;
              const note = "cross-partner attempt";
              attacks.push(
                likeMissing({
                  operation: `${operation} (own record to another partner's tenancy)`,
                  label: `${account.role} of ${attacker.code}: ${operation} on its ${own.name} to ${victim.code}'s ${tenancy.reference} by ${form}`,
                  allowed: [403, 404, 409, 422],
                  send: () => requestOf(account.client, method, concrete, { tenancyId: key, note }),
                  missing: () => requestOf(account.client, method, concrete, { tenancyId: missingKey, note }),
                  keys: [key],
                  missingKeys: [missingKey],
                }),
              );
            }
          }
        }
      }
    }
  }
  return attacks;
}

/**
 * An attack answered as the same request about records that do not exist: the status among `allowed`
 * and the same body, the keys aside, so that another partner's record is neither reached nor revealed.
 */
function likeMissing(attack: {
  operation: string;
  label: string;
  allowed: number[];
  send: () => Promise<Response>;
  missing: () => Promise<Response>;
  keys: string[];
  missingKeys: string[];
}): Attack {
  const masked = (text: string, keys: string[]) =>
    keys.reduce((masking, key) => masking.replaceAll(key, "{id}"), text);
  return {
    operation: attack.operation,
    label: attack.label,
    send: attack.send,
    judge: async (res) => {
      const text = masked(await res.text(), attack.keys);
      if (!attack.allowed.includes(res.status)) return `answered ${res.status}: ${text}`;
      const missing = await attack.missing();
      const missingText = masked(await missing.text(), attack.missingKeys);
      if (missing.status !== res.status || missingText !== text)
        return `answered unlike a missing record (${res.status} ${text} vs ${missing.status} ${missingText})`;
      return null;
    },
  };
}

/** Whether the account's role holds the operation's permission (else every answer is 403). */
const permitted = (account: Account, op: Operation) =>
  hasPermission(account.role, op["x-permission"] as Permission);

/**
 * What must never show in an answer to another partner (or to another household's tenant): the ids
 * and references of the partner's tenancies, households, units, tickets, cases, tasks, referrals,
 * statement lines, documents and pagoPA notices, its signatory and its accounts.
 */
function housingKeysOf(victim: Partner): string[] {
  const h = victim.housing;
  const tenancies = [h.active, h.draft];
  return [
    ...tenancies.flatMap((t) => [
      t.id,
      t.reference,
      t.unit.id,
      t.unit.code,
      t.household.id,
      t.household.reference,
    ]),
    ...victim.households.flatMap((household) => [household.id, household.reference]),
    ...victim.accounts.map((a) => a.userId),
    ...h.noticeNumbers,
    h.signatory,
    h.documentId,
    h.bankLines.matched,
    h.bankLines.unmatched,
    h.caseId,
    h.taskId,
    h.economicReferralId,
    h.ticket.id,
    h.ticket.reference,
    h.ticket.photoId,
    victim.renovation.works.id,
    victim.renovation.works.reference,
    ...fundingKeysOf(victim.funding),
    ...expensesKeysOf(victim.expenses),
  ];
}

/**
 * A list of tenancy records (tenancies, charge runs, statement lines, pagoPA positions, arrears and
 * their figures, tasks, tickets), with every value of each enumerated filter, the partner filter set to
 * the other partner, and a search for each of its references: the answer mentions nothing of the other
 * partner's, and a query aimed at it finds nothing at all.
 */
function tenancyListAttacks(operation: string, path: string, op: Operation): Attack[] {
  const params = queryParams(op);
  const has = (name: string) => params.some((p) => p.name === name);
  // A required month (the pagoPA export): the month every partner was charged.
  const base: Record<string, string> = has("period") ? { period: "2026-11" } : {};
  // The plan's sources from the funding register: a plan that starts before every partner's records.
  if (has("startMonth")) base.startMonth = "2026-01";
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const theirs = housingKeysOf(victim);
      const h = victim.housing;
      const queries: { query: Record<string, string>; nothing: boolean }[] = [{ query: {}, nothing: false }];
      for (const filter of params.filter((p) => p.schema?.enum !== undefined)) {
        for (const value of filter.schema?.enum ?? [])
          queries.push({ query: { [filter.name]: String(value) }, nothing: false });
      }
      if (has("partner"))
        for (const partner of [victim.code, victim.code.toLowerCase()])
          queries.push({ query: { partner }, nothing: true });
      if (has("q")) {
        for (const q of [
          h.active.reference,
          h.active.household.reference,
          h.active.unit.code,
          h.ticket.reference,
        ])
          queries.push({ query: { q: q.toLowerCase() }, nothing: true });
      }
      if (has("unit"))
        for (const unit of [h.active.unit.id, h.active.unit.code])
          queries.push({ query: { unit }, nothing: true });
      if (has("partnerId")) queries.push({ query: { partnerId: victim.organisationId }, nothing: true });
      for (const account of attacker.accounts) {
        for (const { query, nothing } of queries) {
          const search = new URLSearchParams({ ...base, ...query });
          attacks.push({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation}?${search} (about ${victim.code})`,
            send: () => account.client.get(`${path}?${search}`),
            judge: async (res) => {
              const text = await answerText(res);
              if (!permitted(account, op))
                return res.status === 403 ? null : `answered ${res.status} without the permission`;
              if (res.status !== 200) return `answered ${res.status}: ${text}`;
              const leaked = theirs.filter((key) => withoutOwnStatements(text).includes(key));
              if (leaked.length > 0) return `mentioned ${leaked.join(", ")}`;
              if (!nothing || !text.startsWith("{")) return null;
              const body = JSON.parse(text) as { items?: unknown[]; total?: number };
              return (body.items?.length ?? 0) === 0 && (body.total ?? 0) === 0
                ? null
                : `found ${body.total} records`;
            },
          });
        }
      }
    }
  }
  return attacks;
}

/** An answer as text: a workbook's cells (a compressed file hides its words), else the body. */
async function answerText(res: Response) {
  if (!(res.headers.get("content-type") ?? "").includes(XLSX_TYPE)) return res.text();
  const rows = await readSpreadsheet(new Uint8Array(await res.arrayBuffer()));
  return rows.map((r) => r.join("\t")).join("\n");
}

/**
 * A list without the statement lines the attacker imported itself in the statement attacks: their
 * remittance quotes the other partner's references (the attacker wrote them), so they are no leak.
 */
function withoutOwnStatements(text: string) {
  if (!text.startsWith("{")) return text;
  const body = JSON.parse(text) as { items?: { fileName?: string }[] };
  if (body.items === undefined) return text;
  const items = body.items.filter((item) => !item.fileName?.startsWith(ATTACK_STATEMENT_PREFIX));
  return JSON.stringify({ ...body, items });
}

/** Ids that name no record, in each form a body may name one by. */
const MISSING_ID = randomUUID();
const MISSING_REFERENCE = "LOC-2026-99999";
const MISSING_CODE = "NONE-0000";

/**
 * A body naming another partner's record (its unit, household or tenancy) next to what one would send
 * about one's own, and the same body naming records that do not exist.
 */
type Variant = { name: string; body: object; missing: object; keys: string[]; missingKeys: string[] };

function referenceVariants(operation: string, op: Operation, attacker: Partner, victim: Partner): Variant[] {
  const props = propertiesOf(jsonBodyOf(op));
  const theirs = victim.housing;
  const own = attacker.housing;
  const letUnit = (p: Partner) => p.units.find((u) => u.status === "let") as Unit;
  const tenancyForms = (t: Tenancy): [string, string, string][] => [
    ["uuid", t.id, MISSING_ID],
    ["reference", t.reference, MISSING_REFERENCE],
    ["reference in lower case", t.reference.toLowerCase(), MISSING_REFERENCE.toLowerCase()],
  ];
  const variant = (name: string, fields: [string, string, string][], rest: object = {}): Variant => ({
    name,
    body: { ...rest, ...Object.fromEntries(fields.map(([field, key]) => [field, key])) },
    missing: { ...rest, ...Object.fromEntries(fields.map(([field, , missing]) => [field, missing])) },
    keys: fields.map(([, key]) => key),
    missingKeys: fields.map(([, , missing]) => missing),
  });
  // Open a tenancy: their unit for their household, one's own let unit for theirs, theirs for one's own.
  if ("unitId" in props && "householdId" in props) {
    const household = theirs.draft.household.id;
    return [
      variant("their let unit for their offered household", [
        ["unitId", letUnit(victim).id, MISSING_ID],
        ["householdId", household, randomUUID()],
      ]),
      variant("one's own let unit for their offered household", [["householdId", household, MISSING_ID]], {
        unitId: letUnit(attacker).id,
      }),
      variant(
        "their let unit for one's own offered household",
        [["unitId", letUnit(victim).id, MISSING_ID]],
        {
          householdId: own.draft.household.id,
        },
      ),
    ];
  }
  // Register a payment on their tenancy, in force or draft, by id or reference.
  if ("tenancyId" in props && "amountCents" in props) {
    const payment = { amountCents: 100, paidOn: "2026-11-10", method: "cash" };
    return [theirs.active, theirs.draft].flatMap((t) =>
      tenancyForms(t).map(([form, key, missing]) =>
        variant(`${t.status} tenancy by ${form}`, [["tenancyId", key, missing]], payment),
      ),
    );
  }
  // Open an arrears case on their tenancy (by id only: the body takes a uuid).
  if ("tenancyId" in props && Object.keys(props).length === 1)
    return [theirs.active, theirs.draft].map((t) =>
      variant(`${t.status} tenancy`, [["tenancyId", t.id, MISSING_ID]]),
    );
  // Open a ticket on their unit, or on one's own unit about their tenancy.
  if ("unitId" in props && "category" in props) {
    const ticket = {
      category: "plumbing",
      urgency: "urgent",
      title: "cross-partner attempt",
      description: "cross-partner attempt on another partner's unit",
    };
    const unit = theirs.active.unit;
    return [
      variant("their unit by id", [["unitId", unit.id, MISSING_ID]], ticket),
      variant("their unit by code", [["unitId", unit.code, MISSING_CODE]], ticket),
      variant(
        "their unit by code in lower case",
        [["unitId", unit.code.toLowerCase(), MISSING_CODE.toLowerCase()]],
        ticket,
      ),
      variant("one's own unit about their tenancy", [["tenancyId", theirs.active.id, MISSING_ID]], {
        ...ticket,
        unitId: own.active.unit.id,
      }),
    ];
  }
  // Plan works on their unit, by id or code.
  if ("units" in props && "estimateExVatCents" in props) {
    const works = { title: "cross-partner attempt", estimateExVatCents: 100 };
    const unit = victim.units[0] as Unit;
    const as = (name: string, key: string, missing: string): Variant => ({
      name,
      body: { ...works, units: [key] },
      missing: { ...works, units: [missing] },
      keys: [key],
      missingKeys: [missing],
    });
    return [
      as("their unit by id", unit.id, MISSING_ID),
      as("their unit by code", unit.code, MISSING_CODE),
      as("their unit by code in lower case", unit.code.toLowerCase(), MISSING_CODE.toLowerCase()),
    ];
  }
  // Publish a notice to the tenants of their unit.
  if ("unitId" in props && "publishedOn" in props) {
    const notice = {
      title: "cross-partner attempt",
      body: "cross-partner attempt",
      publishedOn: "2026-11-22",
    };
    const unit = theirs.active.unit;
    return [
      variant("their unit by id", [["unitId", unit.id, MISSING_ID]], notice),
      variant("their unit by code", [["unitCode", unit.code, MISSING_CODE]], notice),
    ];
  }
  throw new Error(`no body naming another partner's record for ${operation}: teach cross-partner.test.ts`);
}

/**
 * Change another organisation's record of a shared register (a contractor): everyone may read it, so
 * its existence is no secret; the change must be refused with 403 and leave it as it was.
 */
function sharedRegisterAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const { id, name, body } = sharedRecordOf(operation, victim);
      for (const account of attacker.accounts) {
        attacks.push({
          operation,
          label: `${account.role} of ${attacker.code}: ${operation} on ${victim.code}'s ${name}`,
          send: () => requestOf(account.client, method, path.replace("{id}", id), body),
          judge: async (res) =>
            res.status === 403
              ? null
              : `answered ${res.status} (permitted: ${permitted(account, op)}): ${await res.text()}`,
        });
      }
    }
  }
  return attacks;
}

/** Another partner's monitoring report, in each format: refused (403), whatever the account. */
function reportAttacks(operation: string, path: string): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        for (const file of ["2026-Q3.pdf", "2026-Q3.xlsx"]) {
          const url = `${path.replace("{file}", file)}?partner=${victim.organisationId}`;
          attacks.push({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation} as ${file} for ${victim.code}`,
            send: () => account.client.get(url),
            judge: async (res) => (res.status === 403 ? null : `answered ${res.status}: ${await res.text()}`),
          });
        }
      }
    }
  }
  return attacks;
}

/** A phase of the timeline, owned by the partner's own organisation, made through the API. */
async function timelineItemOf(manager: TestClient, code: string): Promise<TimelineItemView> {
  const res = await manager.post("/timeline", {
    line: "B.2",
    kind: "phase",
    title: `Fase di prova ${code}`,
    plannedStart: "2026-03-01",
    plannedEnd: "2027-02-28",
  });
  if (res.status !== 201) throw new Error(`timeline item failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TimelineItemView;
}

let governanceBody: Promise<string> | undefined;

/** An action of a governance body (set up by the Comune once), its organisation responsible for it. */
async function governanceActionOf(comune: TestClient, code: string): Promise<ActionView> {
  governanceBody ??= (async () => {
    const res = await comune.post("/governance/bodies", {
      name: "Cabina di prova",
      level: "directive",
      establishedOn: "2026-01-15",
    });
    if (res.status !== 201) throw new Error(`governance body failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  })();
  const res = await comune.post(`/governance/bodies/${await governanceBody}/actions`, {
    title: `Azione di prova ${code}`,
    ownerName: `Referente ${code}`,
    ownerOrganisationCode: code,
    dueOn: "2026-12-31",
  });
  if (res.status !== 201) throw new Error(`governance action failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ActionView;
}

/** A shared service, a bookable common space and a booking of it, made by the partner's manager. */
async function welfareOf(manager: TestClient, code: string) {
  const buildingCode = `XP-${code}`;
  await ctx.db
    .insert(buildings)
    .values({ code: buildingCode, address: `Via di prova ${code}`, town: "Milano", municipio: 5 })
    .onConflictDoNothing();
  const made = async (path: string, body: object) => {
    const res = await manager.post(path, body);
    if (res.status !== 201) throw new Error(`welfare ${path} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; bookings?: { id: string }[] };
  };
  const service = await made("/welfare/services", {
    kind: "social_concierge",
    name: `Portierato di prova ${code}`,
    buildingCode,
    town: "Milano",
    municipio: 5,
    startedOn: "2026-03-01",
  });
  const space = await made("/welfare/spaces", {
    buildingCode,
    name: "Sala comune",
    kind: "common",
    bookable: true,
  });
  const booked = await made(`/welfare/spaces/${space.id}/bookings`, {
    bookedFor: "2026-12-01",
    fromTime: "18:00",
    toTime: "20:00",
    purpose: "Assemblea di prova",
  });
  return { serviceId: service.id, spaceId: space.id, bookingId: booked.bookings?.[0]?.id as string };
}

/** The victim's record of a shared register, and the change its own organisation would make to it. */
function sharedRecordOf(operation: string, victim: Partner): { id: string; name: string; body: object } {
  if (operation === "POST /welfare/services/{id}/activities")
    return {
      id: victim.welfare.serviceId,
      name: "shared service",
      body: { title: "Attività di un altro ente", heldOn: "2026-11-01", participants: 3 },
    };
  if (operation === "POST /welfare/spaces/{id}/bookings")
    return {
      id: victim.welfare.spaceId,
      name: "common space",
      body: { bookedFor: "2026-12-02", fromTime: "10:00", toTime: "11:00", purpose: "Prenotazione altrui" },
    };
  if (operation === "POST /welfare/bookings/{id}/cancel")
    return { id: victim.welfare.bookingId, name: "space booking", body: {} };
  if (operation === "PUT /governance/actions/{id}") {
    const { id, title, dueOn, version } = victim.governanceAction;
    return { id, name: `governance action ${title}`, body: { status: "done", dueOn, note: "", version } };
  }
  if (operation === "PUT /timeline/{id}") {
    const { id, line, kind, title, description, ownerName, plannedStart, plannedEnd, version } =
      victim.timelineItem;
    return {
      id,
      name: `timeline item ${title}`,
      body: {
        line,
        kind,
        title: "cross-partner attempt",
        description,
        ownerName,
        plannedStart,
        plannedEnd,
        status: "not_started",
        version,
      },
    };
  }
  if (operation === "PUT /funding/calls/{id}") {
    const { call } = victim.funding;
    return { id: call.id, name: `call ${call.title}`, body: callUpdateOf(call) };
  }
  const { contractor } = victim.renovation;
  const {
    id,
    standing: _s,
    daysToExpiry: _d,
    expiringSoon: _e,
    organisationCode: _o,
    ...record
  } = contractor;
  return { id, name: `contractor ${contractor.name}`, body: { ...record, name: "cross-partner attempt" } };
}

/** Create a record naming another partner's: refused as if that record did not exist. */
function referenceAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        for (const v of referenceVariants(operation, op, attacker, victim)) {
          attacks.push(
            likeMissing({
              operation,
              label: `${account.role} of ${attacker.code}: ${operation} naming ${victim.code}'s records (${v.name})`,
              allowed: [403, 404, 422],
              send: () => requestOf(account.client, method, path, v.body),
              missing: () => requestOf(account.client, method, path, v.missing),
              keys: v.keys,
              missingKeys: v.missingKeys,
            }),
          );
        }
      }
    }
  }
  return attacks;
}

/**
 * Charge a month to every tenancy in scope: the run charges the attacker's own tenancy (a change of
 * its own, left out of the snapshot), and must neither charge nor count the other partner's.
 */
function chargeRunAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    const ownTenancies = [attacker.housing.active.id, attacker.housing.draft.id];
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        attacks.push({
          operation,
          label: `${account.role} of ${attacker.code}: ${operation} ${ATTACK_PERIOD} (about ${victim.code})`,
          send: () => requestOf(account.client, method, path, { period: ATTACK_PERIOD }),
          judge: async (res) => {
            const text = await res.text();
            if (!permitted(account, op))
              return res.status === 403 ? null : `answered ${res.status} without the permission`;
            if (res.status !== 201) return `answered ${res.status}: ${text}`;
            const run = JSON.parse(text) as { id: string; created: number; unchanged: number };
            const charged = await chargesOfRun(ctx, run.id);
            const foreign = charged.filter((c) => !ownTenancies.includes(c.tenancyId));
            if (foreign.length > 0) return `charged tenancies ${foreign.map((c) => c.tenancyId).join(", ")}`;
            // What the run found already charged is the attacker's own, none of another partner's.
            const own = await attackPeriodCharges(ctx, ownTenancies);
            return run.created + run.unchanged === own
              ? null
              : `counted ${run.unchanged} charges already there`;
          },
        });
      }
    }
  }
  return attacks;
}

const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

/**
 * Import a statement whose lines name another partner's tenancies (their reference, their notice
 * number, their payer and amounts): nothing may be matched to them; the lines wait in the attacker's
 * own queue (rows of its own, left out of the snapshot).
 */
function statementAttacks(operation: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const h = victim.housing;
      const rent = h.active.rentCents;
      const lines = [
        `12/11/2026;${euros(rent)};${h.signatory};Canone ${h.active.reference}`,
        `13/11/2026;${euros(rent + h.active.serviceChargeCents)};${h.signatory};Avviso ${h.noticeNumbers[0]} ${h.active.reference.toLowerCase()}`,
        `14/11/2026;${euros(rent)};${h.signatory};Canone ${h.draft.reference}`,
      ];
      for (const account of attacker.accounts) {
        const name = `${ATTACK_STATEMENT_PREFIX}${attacker.code}-${account.role}-${victim.code}.csv`;
        attacks.push({
          operation,
          label: `${account.role} of ${attacker.code}: ${operation} ${name}`,
          send: () => account.client.upload(path, statementFile(name, lines)),
          judge: async (res) => {
            const text = await res.text();
            if (!permitted(account, op))
              return res.status === 403 ? null : `answered ${res.status} without the permission`;
            if (res.status !== 201) return `answered ${res.status}: ${text}`;
            const result = JSON.parse(text) as { id: string; matched: number };
            const written = await linesOfImport(ctx, result.id);
            const astray = written.filter(
              (l) => l.organisationId !== attacker.organisationId || l.tenancyId !== null,
            );
            if (result.matched > 0 || astray.length > 0)
              return `matched ${result.matched} lines; lines outside the attacker's queue: ${JSON.stringify(astray)}`;
            return null;
          },
        });
      }
    }
  }
  return attacks;
}

/**
 * The tenant's portal. Its operations need `portal:use`, which no staff role holds: the Comune-only
 * attacks show every partner account gets 403. What isolates one household from another is the
 * tenant's scope (own household), so each partner's tenant attacks the other partners' households:
 * their tickets, photos and documents by id (answered as missing ones), a ticket naming their unit or
 * tenancy (refused as for a missing one), and the portal's pages, which mention nothing of theirs.
 */
function tenantAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    const tenant = attacker.housing.tenant;
    const label = `tenant of ${attacker.code}: ${operation}`;
    for (const victim of partners.filter((p) => p !== attacker)) {
      const h = victim.housing;
      if (path.includes("{id}")) {
        const concrete = path.replace("{photoId}", h.ticket.photoId);
        for (const [form, key] of Object.entries(byReference(h.ticket.id, h.ticket.reference))) {
          const missingKey = MISSING_KEYS.maintenance?.[form] as string;
          const body = op.requestBody === undefined ? undefined : photoForm();
          attacks.push(
            likeMissing({
              operation,
              label: `${label} on ${victim.code}'s ticket ${h.ticket.reference} by ${form}`,
              allowed: [404],
              send: () => requestOf(tenant, method, concrete.replace("{id}", encodeURIComponent(key)), body),
              missing: () =>
                requestOf(tenant, method, concrete.replace("{id}", encodeURIComponent(missingKey)), body),
              keys: [key],
              missingKeys: [missingKey],
            }),
          );
        }
      } else if (path.includes("{documentId}")) {
        attacks.push(
          likeMissing({
            operation,
            label: `${label} on ${victim.code}'s tenancy document`,
            allowed: [404],
            send: () => tenant.get(path.replace("{documentId}", h.documentId)),
            missing: () => tenant.get(path.replace("{documentId}", MISSING_ID)),
            keys: [h.documentId],
            missingKeys: [MISSING_ID],
          }),
        );
      } else if (method === "post") {
        const ticket = {
          category: "plumbing",
          urgency: "urgent",
          description: "cross-household attempt on a home",
        };
        for (const [field, key] of [
          ["unitId", h.active.unit.id],
          ["unitId", h.active.unit.code],
          ["tenancyId", h.active.id],
        ] as const) {
          attacks.push(
            likeMissing({
              operation,
              label: `${label} naming ${victim.code}'s ${field} ${key}`,
              // The portal's body takes no unit or tenancy: naming one is refused by its schema.
              allowed: [400, 422],
              send: () => requestOf(tenant, method, path, { ...ticket, [field]: key }),
              missing: () => requestOf(tenant, method, path, { ...ticket, [field]: MISSING_ID }),
              keys: [key],
              missingKeys: [MISSING_ID],
            }),
          );
        }
      } else {
        const theirs = housingKeysOf(victim);
        const queries = queryParams(op).some((p) => p.name === "q")
          ? ["", `?q=${h.ticket.reference.toLowerCase()}`]
          : [""];
        for (const query of queries) {
          attacks.push({
            operation,
            label: `${label}${query} (about ${victim.code})`,
            send: () => tenant.get(`${path}${query}`),
            judge: async (res) => {
              const text = await res.text();
              if (res.status !== 200) return `answered ${res.status}: ${text}`;
              const leaked = theirs.filter((key) => text.includes(key));
              return leaked.length === 0 ? null : `mentioned ${leaked.join(", ")}`;
            },
          });
        }
      }
    }
  }
  return attacks;
}

function photoForm() {
  const form = new FormData();
  form.set("file", PHOTO);
  return form;
}

/** Rows of a listed page or an exported file, as unit codes and managing partners. */
async function listedUnits(res: Response): Promise<{ codes: string[]; partners: string[]; total: number }> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await res.json()) as { items: Unit[]; total: number };
    return {
      codes: body.items.map((u) => u.code),
      partners: body.items.map((u) => u.managingPartnerCode ?? ""),
      total: body.total,
    };
  }
  const [header, ...rows] = await readSpreadsheet(new Uint8Array(await res.arrayBuffer()));
  const codeAt = header?.indexOf("code") ?? -1;
  const partnerAt = header?.indexOf("managingPartnerCode") ?? -1;
  if (codeAt < 0 || partnerAt < 0) throw new Error(`an export without the code columns: ${header}`);
  const data = rows.filter((r) => r.some((cell) => cell !== ""));
  return {
    codes: data.map((r) => r[codeAt] ?? ""),
    partners: data.map((r) => r[partnerAt] ?? ""),
    total: data.length,
  };
}

function listAttacks(operation: string, path: string, op: Operation): Attack[] {
  const params = queryParams(op);
  const formats = params.find((p) => p.name === "format")?.schema?.enum ?? [undefined];
  const filters = params.filter((p) => p.name !== "format" && p.schema?.enum !== undefined);
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const theirCodes = new Set(victim.units.map((u) => u.code));
      // The partner filter as written and in lower case, in every file format; then with each value
      // of every enumerated filter; then a search for each of the other partner's codes.
      const queries: Record<string, string>[] = [];
      for (const partner of [victim.code, victim.code.toLowerCase()]) {
        for (const format of formats)
          queries.push({ partner, ...(format === undefined ? {} : { format: String(format) }) });
      }
      for (const filter of filters) {
        for (const value of filter.schema?.enum ?? [])
          queries.push({ partner: victim.code, [filter.name]: String(value) });
      }
      if (params.some((p) => p.name === "q"))
        for (const code of theirCodes) queries.push({ q: code.toLowerCase() });
      for (const account of attacker.accounts) {
        for (const query of queries) {
          const search = new URLSearchParams(query);
          attacks.push({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation}?${search}`,
            send: () => account.client.get(`${path}?${search}`),
            judge: async (res) => {
              if (res.status !== 200) return `answered ${res.status}: ${await res.text()}`;
              const listed = await listedUnits(res);
              const leaked = listed.codes.filter((c) => theirCodes.has(c));
              if (leaked.length > 0 || listed.partners.includes(victim.code))
                return `listed ${leaked.join(", ")}`;
              // Every query names only the other partner's units: even a count would be a leak.
              return listed.total === 0 ? null : `counted ${listed.total} units`;
            },
          });
        }
      }
    }
  }
  return attacks;
}

/**
 * A list of households or referrals, with every value of each enumerated filter and, where there is a
 * search, a search for each of the other partner's references and members' fiscal codes: none of the
 * other partner's records may show, and a search for them finds nothing at all.
 */
function collectionAttacks(operation: string, path: string, op: Operation): Attack[] {
  const params = queryParams(op);
  const filters = params.filter((p) => p.schema?.enum !== undefined);
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const theirIds = new Set([
        ...victim.households.map((h) => h.id),
        ...victim.referrals.map((r) => r.id),
        victim.housing.active.household.id,
        victim.housing.draft.household.id,
      ]);
      const queries: { query: Record<string, string>; nothing: boolean }[] = [{ query: {}, nothing: false }];
      for (const filter of filters) {
        for (const value of filter.schema?.enum ?? [])
          queries.push({ query: { [filter.name]: String(value) }, nothing: false });
      }
      if (params.some((p) => p.name === "q")) {
        for (const h of victim.households) {
          for (const q of [h.reference, h.reference.toLowerCase(), h.members[0]?.fiscalCode ?? ""])
            queries.push({ query: { q }, nothing: true });
        }
      }
      for (const account of attacker.accounts) {
        for (const { query, nothing } of queries) {
          const search = new URLSearchParams({ ...query, limit: "500" });
          attacks.push({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation}?${search} (about ${victim.code})`,
            send: () => account.client.get(`${path}?${search}`),
            judge: async (res) => {
              if (res.status !== 200) return `answered ${res.status}: ${await res.text()}`;
              const body = (await res.json()) as {
                items: (HouseholdSummary | ReferralView)[];
                total: number;
              };
              const leaked = body.items.filter(
                (item) =>
                  theirIds.has(item.id) ||
                  ("householdId" in item && theirIds.has(item.householdId)) ||
                  item.partner?.code === victim.code,
              );
              if (leaked.length > 0) return `listed ${leaked.map((item) => item.id).join(", ")}`;
              if (body.items.some((item) => item.partner?.code !== attacker.code))
                return `listed records of ${body.items.map((item) => item.partner?.code).join(", ")}`;
              return nothing && body.total !== 0 ? `counted ${body.total} records` : null;
            },
          });
        }
      }
    }
  }
  return attacks;
}

/**
 * The overdue reviews: every victim's plan is overdue, and none may show to another partner; each
 * account sees its own partner's plans only.
 */
function overdueAttacks(operation: string, path: string): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    const ownIds = new Set(attacker.households.map((h) => h.id));
    for (const victim of partners.filter((p) => p !== attacker)) {
      const theirIds = new Set(victim.households.map((h) => h.id));
      for (const account of attacker.accounts) {
        attacks.push({
          operation,
          label: `${account.role} of ${attacker.code}: ${operation} (about ${victim.code})`,
          send: () => account.client.get(path),
          judge: async (res) => {
            if (res.status !== 200) return `answered ${res.status}: ${await res.text()}`;
            const body = (await res.json()) as { items: OverdueReview[]; total: number };
            const leaked = body.items.filter((item) => theirIds.has(item.householdId));
            if (leaked.length > 0)
              return `listed ${leaked.map((item) => item.householdReference).join(", ")}`;
            if (body.items.some((item) => !ownIds.has(item.householdId)))
              return `listed plans of other households: ${body.items.map((i) => i.householdReference).join(", ")}`;
            return body.total === ownIds.size - 1 ? null : `counted ${body.total} plans`;
          },
        });
      }
    }
  }
  return attacks;
}

/**
 * A list of case records or people without a partner field (the caseload, the follow-ups due, the
 * staff): the answer must not mention any of the other partner's households (id or reference) or
 * accounts, by any filter it takes.
 */
function caseCollectionAttacks(operation: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const theirs = [
        ...victim.households.flatMap((h) => [h.id, h.reference]),
        ...[victim.housing.active, victim.housing.draft].flatMap((t) => [
          t.household.id,
          t.household.reference,
        ]),
        ...victim.accounts.map((a) => a.userId),
      ];
      const queries: Record<string, string>[] = [{}];
      if (queryParams(op).some((p) => p.name === "q")) queries.push({ q: "Test" }, { q: victim.code });
      for (const account of attacker.accounts) {
        for (const query of queries) {
          const search = new URLSearchParams(query);
          attacks.push({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation}?${search} (about ${victim.code})`,
            send: () => account.client.get(`${path}?${search}`),
            judge: async (res) => {
              const text = await res.text();
              if (res.status !== 200) return `answered ${res.status}: ${text}`;
              const leaked = theirs.filter((key) => text.includes(key));
              return leaked.length === 0 ? null : `mentioned ${leaked.join(", ")}`;
            },
          });
        }
      }
    }
  }
  return attacks;
}

/** Refer a new household to the other partner, in each of its categories, its code as written and lower-cased. */
function referralCreateAttacks(operation: string, method: string, path: string): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        for (const category of victim.categories) {
          for (const partnerCode of [victim.code, victim.code.toLowerCase()]) {
            const body = { household: ctx.householdInput({ category }), partnerCode, report: REPORT };
            attacks.push({
              operation,
              label: `${account.role} of ${attacker.code}: ${operation} a ${category} household to ${partnerCode}`,
              send: () => requestOf(account.client, method, path, body),
              judge: async (res) =>
                [403, 422].includes(res.status) ? null : `answered ${res.status}: ${await res.text()}`,
            });
          }
        }
      }
    }
  }
  return attacks;
}

/** Open a claim for the other partner (its id named): refused as for an id that names no partner. */
function claimantAttacks(operation: string, path: string): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const key = victim.expenses.partnerId;
      const claim = { ...EXPENSE_CLAIM, title: "cross-partner attempt" };
      for (const account of attacker.accounts) {
        attacks.push(
          likeMissing({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation} for ${victim.code}`,
            allowed: [403, 404, 422],
            send: () => account.client.post(path, { ...claim, partnerId: key }),
            missing: () => account.client.post(path, { ...claim, partnerId: MISSING_ID }),
            keys: [key],
            missingKeys: [MISSING_ID],
          }),
        );
      }
    }
  }
  return attacks;
}

function createAttacks(operation: string, method: string, path: string): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        for (const category of victim.categories) {
          for (const partnerCode of [victim.code, victim.code.toLowerCase()]) {
            const body = ctx.unitInput({ category, managingPartnerCode: partnerCode });
            attacks.push({
              operation,
              label: `${account.role} of ${attacker.code}: ${operation} a ${category} unit managed by ${partnerCode}`,
              send: () => requestOf(account.client, method, path, body),
              judge: async (res) =>
                [403, 422].includes(res.status) ? null : `answered ${res.status}: ${await res.text()}`,
            });
          }
        }
      }
    }
  }
  return attacks;
}

const fileRow = (unit: Parameters<typeof unitToRow>[0]) => unitToRow(unit, true);
const NUMERIC = new Set(
  UNIT_FILE_COLUMNS.flatMap((c, i) => (c.kind === "int" || c.kind === "decimal" ? [i] : [])),
);

async function importAttacks(operation: string, path: string): Promise<Attack[]> {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      const fresh = victim.categories.map((category) => {
        const input = ctx.unitInput({ category, managingPartnerCode: victim.code });
        return fileRow(input);
      });
      const takenOver = victim.units.map((u) =>
        fileRow({ ...u, managingPartnerCode: attacker.code, category: categoryFor(attacker, u.category) }),
      );
      const annotated = victim.units.map((u) => fileRow({ ...u, notes: "cross-partner import" }));
      const files = [
        new File([writeCsv([unitFileHeader(), ...fresh])], "new-units-of-another-partner.csv", {
          type: "text/csv",
        }),
        new File([await writeXlsx("Alloggi", [unitFileHeader(), ...fresh], NUMERIC)], "new-units.xlsx", {
          type: XLSX_TYPE,
        }),
        new File([writeCsv([unitFileHeader(), ...takenOver])], "take-over.csv", { type: "text/csv" }),
        new File([writeCsv([unitFileHeader(), ...annotated])], "annotate.csv", { type: "text/csv" }),
      ];
      for (const account of attacker.accounts) {
        for (const file of files) {
          attacks.push({
            operation,
            label: `${account.role} of ${attacker.code}: ${operation} ${file.name} about ${victim.code}`,
            send: () => account.client.upload(path, file),
            judge: async (res) =>
              [403, 422].includes(res.status) ? null : `answered ${res.status}: ${await res.text()}`,
          });
        }
      }
    }
  }
  return attacks;
}

/** An operation whose permission no Area B role holds: every partner account must get 403. */
const comuneOnly = (op: Operation) => {
  const permission = op["x-permission"];
  return (
    (PERMISSIONS as readonly unknown[]).includes(permission) &&
    ACCOUNT_ROLES.every((role) => !hasPermission(role, permission as Permission))
  );
};

function comuneOnlyAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    const victim = partners.find((p) => p !== attacker) as Partner;
    const target = targetsForAnyResource(victim);
    const concrete = path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
      encodeURIComponent(name === "id" ? target : "6"),
    );
    const body = op.requestBody === undefined ? undefined : {};
    for (const account of attacker.accounts) {
      attacks.push({
        operation,
        label: `${account.role} of ${attacker.code}: ${operation} (Comune only)`,
        send: () => requestOf(account.client, method, concrete, body),
        judge: async (res) => (res.status === 403 ? null : `answered ${res.status}: ${await res.text()}`),
      });
    }
  }
  return attacks;
}

/** Some id of the other partner's, for a Comune-only path with one. */
const targetsForAnyResource = (victim: Partner) =>
  victim.offers[0] ?? victim.households[0]?.id ?? randomUUID();

async function planAttacks(doc: OpenApiDocument) {
  components = doc.components?.schemas ?? {};
  const operations: string[] = [];
  const attacks: Attack[] = [];
  const pending: Promise<Attack[]>[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (comuneOnly(op)) {
        const operation = `${method.toUpperCase()} ${path}`;
        operations.push(operation);
        attacks.push(...comuneOnlyAttacks(operation, method, path, op));
        if (resourceOf(path) === "portal") attacks.push(...tenantAttacks(operation, method, path, op));
        continue;
      }
      if (!isPartnerScoped(method, path, op)) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      operations.push(operation);
      const body = propertiesOf(jsonBodyOf(op));
      if (SHARED_RECORD_CHANGES.has(operation))
        attacks.push(...sharedRegisterAttacks(operation, method, path, op));
      else if (path.includes("{id}")) attacks.push(...recordAttacks(operation, method, path, op));
      else if (SCOPE_WIDE.has(operation)) attacks.push(...chargeRunAttacks(operation, method, path, op));
      else if (method === "get" && TENANCY_COLLECTIONS.has(resourceOf(path)))
        attacks.push(...tenancyListAttacks(operation, path, op));
      else if (method === "post" && fileBodyOf(op) && resourceOf(path) === "ledger")
        attacks.push(...statementAttacks(operation, path, op));
      else if (RECORD_FIELDS.some((field) => field in body))
        attacks.push(...referenceAttacks(operation, method, path, op));
      else if (method === "get" && path.startsWith("/monitoring/reports/"))
        attacks.push(...reportAttacks(operation, path));
      else if (method === "get" && queryParams(op).some((p) => p.name === "partner"))
        attacks.push(...listAttacks(operation, path, op));
      else if (method === "get" && resourceOf(path) === "support-plans")
        attacks.push(...overdueAttacks(operation, path));
      else if (method === "get" && PARTNER_COLLECTIONS.has(resourceOf(path)))
        attacks.push(...collectionAttacks(operation, path, op));
      else if (method === "get" && CASE_COLLECTIONS.has(resourceOf(path)))
        attacks.push(...caseCollectionAttacks(operation, path, op));
      else if ("managingPartnerCode" in body) attacks.push(...createAttacks(operation, method, path));
      else if ("partnerCode" in body && "household" in body)
        attacks.push(...referralCreateAttacks(operation, method, path));
      else if (method === "post" && "partnerId" in body) attacks.push(...claimantAttacks(operation, path));
      else if (method === "post" && fileBodyOf(op)) pending.push(importAttacks(operation, path));
      else throw new Error(`no attack for ${operation}: teach cross-partner.test.ts this operation`);
    }
  }
  for (const generated of await Promise.all(pending)) attacks.push(...generated);
  return { operations, attacks };
}

// ---- The run ----

describe("partner A against partner B's records, for every partner-scoped operation of the API", () => {
  it("derives the partner-scoped operations from the OpenAPI document", async () => {
    expect(plan.operations).toEqual(
      expect.arrayContaining([
        "GET /units",
        "POST /units",
        "GET /units/export",
        "POST /units/import",
        "GET /units/{id}",
        "PATCH /units/{id}",
        "POST /units/{id}/transitions",
        "GET /units/{id}/history",
        "GET /households",
        "GET /households/{id}",
        "PATCH /households/{id}",
        "POST /households/{id}/transitions",
        "GET /households/{id}/timeline",
        "POST /households/{id}/referrals",
        "GET /referrals",
        "POST /referrals",
        "POST /referrals/{id}/accept",
        "POST /referrals/{id}/return",
        "GET /households/{id}/plan",
        "PUT /households/{id}/plan",
        "POST /households/{id}/plan/reviews",
        "GET /support-plans/overdue-reviews",
        "GET /referrals/{id}",
        "GET /households/{id}/consents",
        "POST /households/{id}/consents",
        "POST /households/{id}/consents/{consentId}/withdraw",
        "GET /households/{id}/documents",
        "POST /households/{id}/documents",
        "GET /households/{id}/documents/{documentId}/file",
        "GET /households/{id}/interventions",
        "POST /households/{id}/interventions",
        "POST /households/{id}/exit",
        "GET /households/{id}/exit",
        "PUT /households/{id}/follow-ups/{months}",
        "GET /follow-ups/due",
        "GET /caseload",
        "GET /staff",
        "GET /offers",
        "GET /offers/{id}",
        "POST /offers/{id}/decline",
        "POST /offers/{id}/accept",
        "POST /offers",
        "POST /allocation/runs",
        "GET /allocation/runs/{id}",
        "POST /allocation/rules",
        "GET /tenancies",
        "POST /tenancies",
        "GET /tenancies/{id}",
        "PUT /tenancies/{id}/terms",
        "POST /tenancies/{id}/activate",
        "POST /tenancies/{id}/end",
        "POST /tenancies/{id}/recertifications",
        "POST /tenancies/{id}/documents",
        "GET /tenancies/{id}/documents/{documentId}",
        "GET /tenancies/{id}/move-in",
        "PUT /tenancies/{id}/move-in",
        "GET /tenancies/{id}/ledger",
        "POST /tenancies/{id}/write-offs",
        "GET /ledger/charge-runs",
        "POST /ledger/charge-runs",
        "POST /ledger/periods/{period}/close",
        "POST /payments",
        "POST /ledger/bank-imports",
        "GET /ledger/bank-lines",
        "POST /ledger/bank-lines/{id}/assign",
        "POST /ledger/bank-lines/{id}/dismiss",
        "GET /ledger/pagopa",
        "GET /arrears",
        "GET /arrears/summary",
        "GET /arrears/co-payments",
        "GET /arrears/policy",
        "POST /arrears/policy",
        "POST /arrears/cases",
        "GET /arrears/cases/{id}",
        "POST /arrears/cases/{id}/steps",
        "POST /arrears/cases/{id}/repayment-plan",
        "GET /arrears/cases/{id}/repayment-plan",
        "POST /arrears/cases/{id}/close",
        "GET /households/{id}/economic-referrals",
        "POST /households/{id}/economic-referrals",
        "PATCH /economic-referrals/{id}",
        "GET /tasks",
        "POST /tasks/{id}/done",
        "GET /maintenance/tickets",
        "POST /maintenance/tickets",
        "GET /maintenance/tickets/{id}",
        "PATCH /maintenance/tickets/{id}",
        "POST /maintenance/tickets/{id}/transitions",
        "POST /maintenance/tickets/{id}/photos",
        "GET /maintenance/tickets/{id}/photos/{photoId}",
        "GET /portal/tenancy",
        "GET /portal/account",
        "GET /portal/documents/{documentId}",
        "GET /portal/information",
        "GET /portal/tickets",
        "POST /portal/tickets",
        "GET /portal/tickets/{id}",
        "POST /portal/tickets/{id}/photos",
        "GET /portal/tickets/{id}/photos/{photoId}",
        "GET /expenses/budgets",
        "PUT /expenses/budgets",
        "GET /expenses/claims",
        "POST /expenses/claims",
        "GET /expenses/claims/{id}",
        "PUT /expenses/claims/{id}",
        "POST /expenses/claims/{id}/lines",
        "PUT /expenses/claims/{id}/lines/{lineId}",
        "DELETE /expenses/claims/{id}/lines/{lineId}",
        "POST /expenses/claims/{id}/lines/{lineId}/documents",
        "DELETE /expenses/claims/{id}/documents/{documentId}",
        "GET /expenses/claims/{id}/documents/{documentId}/file",
        "POST /expenses/claims/{id}/submit",
        "POST /expenses/claims/{id}/review",
        "POST /expenses/claims/{id}/reimbursement",
        "POST /expenses/claims/{id}/payment",
        "GET /expenses/claims/{id}/export.xlsx",
        "GET /expenses/register.xlsx",
      ]),
    );
  });

  it("refuses every attempt: reads are 404 like a missing record, writes 403/404/422, lists show none of B's", async () => {
    const attacks = plan.attacks;
    const breaches: string[] = [];
    const tried = new Map<string, number>();
    for (let i = 0; i < attacks.length; i += BATCH) {
      await Promise.all(
        attacks.slice(i, i + BATCH).map(async (attack) => {
          const reason = await attack.judge(await attack.send());
          tried.set(attack.operation, (tried.get(attack.operation) ?? 0) + 1);
          if (reason !== null) breaches.push(`${attack.label} → ${reason}`);
        }),
      );
    }
    const pairs = partners.length * (partners.length - 1);
    console.log(
      `cross-partner: ${attacks.length} requests tried / ${breaches.length} breaches ` +
        `(${pairs} ordered partner pairs, ${partners.length * ACCOUNT_ROLES.length} accounts)\n` +
        [...tried].map(([operation, n]) => `  ${String(n).padStart(5)}  ${operation}`).join("\n"),
    );
    expect(breaches.slice(0, 20)).toEqual([]);
    expect(attacks.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // About 8,500 requests, each with its session lookup and audit record: about 2 minutes alone on
    // PGlite (under 2 on PostgreSQL), more while the rest of the suite shares the machine.
  }, 480_000);

  it("leaves every unit, household, referral, support plan and tenancy record, and their history, unchanged in the database", async () => {
    const after = await snapshot();
    const seeded = partners.flatMap((p) => p.units.map((u) => u.code));
    expect(before.units.map((u) => u.code)).toEqual(expect.arrayContaining(seeded));
    const households = partners.flatMap((p) => [
      ...p.households.map((h) => h.reference),
      p.housing.active.household.reference,
      p.housing.draft.household.reference,
    ]);
    expect(before.households.map((h) => h.reference)).toEqual(households.sort());
    expect(before.referrals).toHaveLength(households.length);
    const planned = partners.reduce((n, p) => n + p.households.length - 1, 0);
    expect(before.supportPlans).toHaveLength(planned);
    // Each partner's tenancy in force and draft, with a record of every kind the attacks aim at.
    expect(before.tenancies.map((t) => t.status).sort()).toEqual(
      partners.flatMap(() => ["active", "draft"]).sort(),
    );
    for (const records of [
      before.tenancyDocuments,
      before.payments,
      before.writeOffs,
      before.arrearsCases,
      before.repaymentPlans,
      before.economicReferrals,
      before.tickets,
      before.ticketPhotos,
      before.moveIn,
    ])
      expect(records.length).toBeGreaterThanOrEqual(partners.length);
    expect(before.tasks.length).toBeGreaterThanOrEqual(partners.length);
    expect(before.bankLines.map((l) => l.status).sort()).toEqual(
      partners.flatMap(() => ["matched", "unmatched"]).sort(),
    );
    expect(after).toEqual(before);
  });
});
