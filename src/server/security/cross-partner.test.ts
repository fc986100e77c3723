// SPDX-License-Identifier: EUPL-1.2
import { randomUUID } from "node:crypto";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_ORGANISATIONS } from "../../domain/demo/demo-programme.ts";
import type { Unit, UnitCategory, UnitStatus } from "../../domain/units/unit.schema.ts";
import { UNIT_FILE_COLUMNS, unitFileHeader, unitToRow } from "../../domain/units/unit-file.ts";
import { unitEvents, units } from "../db/schema.ts";
import { readSpreadsheet, writeCsv, writeXlsx, XLSX_TYPE } from "../shared/spreadsheet.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

/*
 * Every partner-scoped operation of the OpenAPI document, tried by each Area B partner's accounts
 * against each other Area B partner's units. The attacks are generated from the document, so a new
 * operation with `{id}`, a `partner` filter, a unit body or an uploaded file is attacked without
 * editing this file (or makes it fail, naming the operation it cannot attack yet).
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

type Account = { role: Role; partner: string; client: TestClient };
type Partner = { code: string; categories: UnitCategory[]; units: Unit[]; accounts: Account[] };
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
const BATCH = 8;
const MIN_REQUESTS = 2000;

let ctx: TestContext;
let partners: Partner[];
let before: Awaited<ReturnType<typeof snapshot>>;
let plan: { operations: string[]; attacks: Attack[] };

/** Every unit and every history entry, read as the owner (past every policy). */
async function snapshot() {
  return {
    units: await ctx.db.select().from(units).orderBy(asc(units.code)),
    events: await ctx.db.select().from(unitEvents).orderBy(asc(unitEvents.id)),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  partners = [];
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
      accounts.push({ role, partner: organisation.code, client: await ctx.loginAs(role, organisation.code) });
    }
    partners.push({ code: organisation.code, categories, units: own, accounts });
  }
  const doc = (await (
    await partners[0]?.accounts[0]?.client.get("/openapi.json")
  )?.json()) as OpenApiDocument;
  plan = await planAttacks(doc);
  before = await snapshot();
}, 120_000);
afterAll(() => ctx.close());

// ---- The plan: which operations are partner-scoped, and how each is attacked ----

const propertiesOf = (schema: JsonSchema | undefined) => schema?.properties ?? {};
const queryParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === "query");
const jsonBodyOf = (op: Operation) => op.requestBody?.content["application/json"]?.schema;
const fileBodyOf = (op: Operation) =>
  Object.values(propertiesOf(op.requestBody?.content["multipart/form-data"]?.schema)).some(
    (p) => p.format === "binary",
  );

/** Partner-scoped: a unit in the path, a `partner` filter, a body naming a partner, or an uploaded file of units. */
function isPartnerScoped(path: string, op: Operation) {
  return (
    path.includes("{id}") ||
    queryParams(op).some((p) => p.name === "partner") ||
    "managingPartnerCode" in propertiesOf(jsonBodyOf(op)) ||
    fileBodyOf(op)
  );
}

/** A category the partner manages, the unit's own when it can. */
const categoryFor = (partner: Partner, current: UnitCategory) =>
  partner.categories.includes(current) ? current : (partner.categories[0] as UnitCategory);

/** The bodies an attacker sends to an operation on someone else's unit, from the operation's body schema. */
function bodiesFor(operation: string, op: Operation, attacker: Partner, unit: Unit): (object | undefined)[] {
  const body = jsonBodyOf(op);
  if (op.requestBody === undefined) return [undefined];
  const props = propertiesOf(body);
  if (props.to?.enum !== undefined) return props.to.enum.map((to) => ({ to, note: "cross-partner attempt" }));
  if ("version" in props) {
    return [
      { version: unit.version, notes: "cross-partner attempt" },
      {
        version: unit.version,
        managingPartnerCode: attacker.code,
        category: categoryFor(attacker, unit.category),
      },
      { version: unit.version + 7, notes: "cross-partner attempt with a stale version" },
    ];
  }
  throw new Error(`no attack body for ${operation}: teach cross-partner.test.ts this operation`);
}

const MISSING_KEYS = { uuid: randomUUID(), code: "NONE-0000", "code in lower case": "none-0000" } as const;
type KeyForm = keyof typeof MISSING_KEYS;
const keysOf = (unit: Unit): Record<KeyForm, string> => ({
  uuid: unit.id,
  code: unit.code,
  "code in lower case": unit.code.toLowerCase(),
});

const requestOf = (client: TestClient, method: string, path: string, body: object | undefined) =>
  client.request(method.toUpperCase(), path, body);

/**
 * The answer to the same request about a unit that does not exist: another partner's unit must get
 * exactly that answer (status and body, the key aside), so its existence is not revealed.
 */
const missingAnswers = new Map<string, Promise<{ status: number; text: string }>>();
function missingAnswer(
  account: Account,
  method: string,
  path: string,
  form: KeyForm,
  body: object | undefined,
) {
  const key = MISSING_KEYS[form];
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

function unitAttacks(operation: string, method: string, path: string, op: Operation): Attack[] {
  const allowed = method === "get" ? [404] : [403, 404];
  const attacks: Attack[] = [];
  for (const attacker of partners) {
    for (const victim of partners.filter((p) => p !== attacker)) {
      for (const account of attacker.accounts) {
        for (const unit of victim.units) {
          for (const [form, key] of Object.entries(keysOf(unit)) as [KeyForm, string][]) {
            for (const body of bodiesFor(operation, op, attacker, unit)) {
              attacks.push({
                operation,
                label: `${account.role} of ${attacker.code}: ${operation} on ${victim.code}'s ${unit.code} by ${form} ${JSON.stringify(body ?? null)}`,
                send: () =>
                  requestOf(account.client, method, path.replace("{id}", encodeURIComponent(key)), body),
                judge: async (res) => {
                  const text = (await res.text()).replaceAll(key, "{id}");
                  if (!allowed.includes(res.status)) return `answered ${res.status}: ${text}`;
                  const missing = await missingAnswer(account, method, path, form, body);
                  if (missing.status !== res.status || missing.text !== text) {
                    return `answered unlike a missing unit (${res.status} ${text} vs ${missing.status} ${missing.text})`;
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
    if (method !== "get" && "version" in propertiesOf(jsonBodyOf(op))) {
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
  }
  return attacks;
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

async function planAttacks(doc: OpenApiDocument) {
  const operations: string[] = [];
  const attacks: Attack[] = [];
  const pending: Promise<Attack[]>[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!isPartnerScoped(path, op)) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      operations.push(operation);
      if (path.includes("{id}")) attacks.push(...unitAttacks(operation, method, path, op));
      else if (method === "get" && queryParams(op).some((p) => p.name === "partner"))
        attacks.push(...listAttacks(operation, path, op));
      else if ("managingPartnerCode" in propertiesOf(jsonBodyOf(op)))
        attacks.push(...createAttacks(operation, method, path));
      else if (method === "post" && fileBodyOf(op)) pending.push(importAttacks(operation, path));
      else throw new Error(`no attack for ${operation}: teach cross-partner.test.ts this operation`);
    }
  }
  for (const generated of await Promise.all(pending)) attacks.push(...generated);
  return { operations, attacks };
}

// ---- The run ----

describe("partner A against partner B's units, for every partner-scoped operation of the API", () => {
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
      ]),
    );
  });

  it("refuses every attempt: reads are 404 like a missing unit, writes 403/404/422, lists show none of B's units", async () => {
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
  }, 180_000);

  it("leaves every unit and every unit's history unchanged in the database", async () => {
    const after = await snapshot();
    const seeded = partners.flatMap((p) => p.units.map((u) => u.code));
    expect(before.units.map((u) => u.code)).toEqual(expect.arrayContaining(seeded));
    expect(after).toEqual(before);
  });
});
