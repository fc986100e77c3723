// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { DEMO_ORGANISATIONS } from "../../domain/demo/demo-programme.ts";
import { daysInPeriod } from "../../domain/ledger/period.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import { bankImports, bankLines, charges, organisations, payments, tenancies } from "../db/schema.ts";
import { acceptedHousehold, accountId } from "../support-plans/care-fixtures.ts";
import { TEST_PASSWORD, type TestClient, type TestContext } from "../testing/test-context.ts";

/*
 * Fixtures of the arrears tests, in domain words: a tenancy that ran with its monthly rent charged and
 * some of it paid, a line waiting in a partner's bank queue. The tenancy and ledger services are
 * written apart: these rows are written as the owner, the services under test being the ones that read
 * them. Fictional people only.
 */

let serial = 0;
const noticeNumber = () => {
  serial += 1;
  return `3${String(Date.now() % 1e9).padStart(9, "0")}${String(serial).padStart(8, "0")}`;
};

export type TenancyFixture = {
  tenancyId: string;
  reference: string;
  householdId: string;
  householdReference: string;
  unitCode: string;
};

/**
 * A household accepted by `manager`'s partner, in an active tenancy of a new unit of that partner
 * since January 2026, charged `rentCents` on the 5th of each of `months` and paid `paid` (date,
 * cents). `educator`: a client whose account is named educator in the household's support plan.
 */
export async function tenancyWithRent(
  ctx: TestContext,
  manager: TestClient,
  options: {
    partnerCode?: string;
    category?: UnitCategory;
    rentCents?: number;
    months: readonly string[];
    paid?: readonly (readonly [string, number])[];
    educator?: TestClient;
    signatory?: string;
    rentBasis?: unknown;
  },
): Promise<TenancyFixture> {
  const { partnerCode = "ETS-B1", rentCents = 40_000, months, paid = [] } = options;
  const category =
    options.category ?? DEMO_ORGANISATIONS.find((o) => o.code === partnerCode)?.categories[0] ?? "calmierato";
  const household = await acceptedHousehold(ctx, manager, { partnerCode });
  if (options.educator !== undefined) {
    const res = await manager.request("PUT", `/households/${household.id}/plan`, {
      version: 0,
      startDate: "2026-01-10",
      intensity: "medium",
      team: [{ role: "educator", name: "Educatrice di prova", userId: await accountId(options.educator) }],
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  }
  const unit = await ctx.newUnit({
    managingPartnerCode: partnerCode,
    category,
    status: "let",
  });
  const [tenancy] = await ctx.db
    .insert(tenancies)
    .values({
      unitId: unit.id,
      householdId: household.id,
      status: "active",
      contractType: category === "fragilita" ? "ospitalita" : category,
      startOn: "2026-01-01",
      endOn: category === "fragilita" ? null : "2029-12-31",
      rentCents,
      rentBasis: options.rentBasis ?? null,
      signatories: [{ name: options.signatory ?? "Aurora Fittizi", role: "holder" }],
    })
    .returning({ id: tenancies.id, reference: tenancies.reference });
  if (tenancy === undefined) throw new Error("tenancy not inserted");
  for (const period of months) await charge(ctx, tenancy.id, period, rentCents);
  for (const [paidOn, amountCents] of paid) await pay(ctx, tenancy.id, paidOn, amountCents);
  return {
    tenancyId: tenancy.id,
    reference: tenancy.reference,
    householdId: household.id,
    householdReference: household.reference,
    unitCode: unit.code,
  };
}

/** The month's rent, due on the 5th. */
export async function charge(ctx: TestContext, tenancyId: string, period: string, amountCents: number) {
  await ctx.db.insert(charges).values({
    tenancyId,
    period,
    kind: "rent",
    amountCents,
    dueOn: `${period}-05`,
    daysCharged: daysInPeriod(period),
    daysInMonth: daysInPeriod(period),
    noticeNumber: noticeNumber(),
  });
}

export async function pay(ctx: TestContext, tenancyId: string, paidOn: string, amountCents: number) {
  await ctx.db.insert(payments).values({ tenancyId, amountCents, paidOn, method: "bank_transfer" });
}

/** A line of a statement of `partnerCode` that matched no tenancy: it waits in the partner's queue. */
export async function unmatchedLine(
  ctx: TestContext,
  partnerCode: string,
  line: { amountCents: number; payer?: string; remittance?: string },
) {
  const [org] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, partnerCode));
  if (org === undefined) throw new Error(`no organisation ${partnerCode}`);
  serial += 1;
  const [statement] = await ctx.db
    .insert(bankImports)
    .values({
      organisationId: org.id,
      fileName: "estratto-prova.csv",
      format: "csv",
      sha256: `prova-${serial}-${Date.now()}`,
      lines: 1,
      matched: 0,
      importedAt: new Date(),
    })
    .returning({ id: bankImports.id });
  const [row] = await ctx.db
    .insert(bankLines)
    .values({
      importId: statement?.id as string,
      organisationId: org.id,
      lineNo: 1,
      bookedOn: "2026-11-20",
      amountCents: line.amountCents,
      payer: line.payer ?? "",
      remittance: line.remittance ?? "",
      status: "unmatched",
    })
    .returning({ id: bankLines.id });
  return row?.id as string;
}

/** Take a line out of the queue, as dismissing it would. */
export async function dismissLine(ctx: TestContext, id: string) {
  await ctx.db.update(bankLines).set({ status: "dismissed" }).where(eq(bankLines.id, id));
}

export type Problem = { status: number; detail: string; errors: { path: string; message: string }[] };

/** The problem of a refused request, after checking its status. */
export async function problemOf(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return JSON.parse(text) as Problem;
}

/** The JSON of an answer, after checking its status. */
export async function jsonOf<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/**
 * Sign in again as the account of `email` (after the test clock moved past its session's life): a
 * client carrying the new session's cookie.
 */
export async function signInAgain(ctx: TestContext, email: string): Promise<TestClient & { email: string }> {
  const response = await ctx.anonymous.post("/auth/login", { email, password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      ctx.app.request(`/api/v1${path}`, {
        method,
        headers: {
          cookie,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return {
    email,
    request,
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body ?? {}),
    patch: (path, body) => request("PATCH", path, body),
    upload: () => Promise.reject(new Error("not for uploads")),
  };
}
