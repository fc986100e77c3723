// SPDX-License-Identifier: EUPL-1.2
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  BankImportResult,
  BankLine,
  ChargeRunResult,
  Payment,
} from "../../domain/ledger/ledger-api.schema.ts";
import { isValidNoticeNumber } from "../../domain/pagopa/notice.ts";
import type { Tenancy, TenancyLedger } from "../../domain/tenancies/tenancy-api.schema.ts";
import { bankLines, charges, payments } from "../db/schema.ts";
import { activeTenancy } from "../tenancies/tenancy-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let manager: TestClient;
let tenancy: Tenancy;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  // In force from 1 September: 350.00 rent and 50.00 service charges a month.
  tenancy = await activeTenancy(ctx, manager);
});
afterAll(() => ctx.close());

const errorsOf = async (res: Response) =>
  ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
const ledgerOf = async (id: string) =>
  (await (await manager.get(`/tenancies/${id}/ledger`)).json()) as TenancyLedger;
const pay = (body: Record<string, unknown>, key?: string) =>
  manager.request("POST", "/payments", body, key === undefined ? {} : { "idempotency-key": key });

describe("the monthly charge run", () => {
  it("charges each month once: running it twice changes nothing", async () => {
    const first = await manager.post("/ledger/charge-runs", { period: "2026-09" });
    expect(first.status).toBe(201);
    const run = (await first.json()) as ChargeRunResult;
    expect(run.created).toBeGreaterThanOrEqual(2);
    const again = (await (
      await manager.post("/ledger/charge-runs", { period: "2026-09" })
    ).json()) as ChargeRunResult;
    expect(again).toMatchObject({ created: 0, createdCents: 0 });
    expect(again.unchanged).toBe(run.created + run.unchanged);
    const rows = await ctx.db.select().from(charges).where(eq(charges.tenancyId, tenancy.id));
    expect(rows.map((r) => [r.period, r.kind, r.amountCents])).toEqual([
      ["2026-09", "rent", 35_000],
      ["2026-09", "service", 5_000],
    ]);
    expect(rows.every((r) => isValidNoticeNumber(r.noticeNumber))).toBe(true);
  });

  it("prorates the month a tenancy starts", async () => {
    const late = await activeTenancy(ctx, manager, { terms: { startOn: "2026-10-16" } });
    await manager.post("/ledger/charge-runs", { period: "2026-10" });
    const rows = await ctx.db.select().from(charges).where(eq(charges.tenancyId, late.id));
    // 16 of 31 days: 35,000 × 16 / 31 = 18,064.5 → 18,065; 5,000 × 16 / 31 = 2,580.6 → 2,581.
    expect(rows.map((r) => [r.kind, r.amountCents, r.daysCharged, r.dueOn])).toEqual([
      ["rent", 18_065, 16, "2026-10-16"],
      ["service", 2_581, 16, "2026-10-16"],
    ]);
  });

  it.each([
    [{ period: "2026-9" }, 400],
    [{ period: "2027-03" }, 422],
  ])("refuses %j with %i naming the period", async (body, status) => {
    const res = await manager.post("/ledger/charge-runs", body);
    expect(res.status).toBe(status);
    expect((await errorsOf(res))[0]?.path).toBe("period");
  });

  it("refuses a month the Comune closed, and the partner may not close one", async () => {
    expect((await manager.post("/ledger/periods/2026-08/close")).status).toBe(403);
    const admin = await ctx.loginAs("comune_admin");
    expect((await admin.post("/ledger/periods/2026-08/close")).status).toBe(200);
    expect((await admin.post("/ledger/periods/2026-08/close")).status).toBe(409);
    expect((await admin.post("/ledger/periods/2026-11/close")).status).toBe(422);
    const res = await manager.post("/ledger/charge-runs", { period: "2026-08" });
    expect(res.status).toBe(409);
    expect((await errorsOf(res))[0]).toMatchObject({
      path: "period",
      message: expect.stringContaining("closed"),
    });
    const late = await pay({ tenancyId: tenancy.id, amountCents: 100, paidOn: "2026-08-20", method: "cash" });
    expect(late.status).toBe(409);
    expect((await errorsOf(late))[0]?.path).toBe("paidOn");
  });
});

describe("payments", () => {
  it.each([
    [{ amountCents: 0 }, 400, "amountCents"],
    [{ amountCents: -500 }, 400, "amountCents"],
    [{ amountCents: 12.5 }, 400, "amountCents"],
    [{ paidOn: "2026-11-23" }, 422, "paidOn"],
    [{ tenancyId: "LOC-1999-99999" }, 422, "tenancyId"],
    [{ method: "cheque" }, 400, "method"],
  ])("refuses %j with %i naming %s, writing nothing", async (change, status, path) => {
    const before = (await ctx.db.select().from(payments)).length;
    const res = await pay({
      tenancyId: tenancy.id,
      amountCents: 10_000,
      paidOn: "2026-11-10",
      method: "cash",
      ...change,
    });
    expect(res.status).toBe(status);
    expect((await errorsOf(res)).map((e) => e.path)).toContain(path);
    expect((await ctx.db.select().from(payments)).length).toBe(before);
  });

  it("gives the same payment for the same key and body, and refuses the key with another body", async () => {
    const body = {
      tenancyId: tenancy.reference,
      amountCents: 20_000,
      paidOn: "2026-09-06",
      method: "bank_transfer",
      reference: "Canone settembre",
    };
    const first = await pay(body, "pay-same-key-0001");
    expect(first.status).toBe(201);
    const again = await pay(body, "pay-same-key-0001");
    expect(again.status).toBe(200);
    expect(((await again.json()) as Payment).id).toBe(((await first.json()) as Payment).id);
    const other = await pay({ ...body, amountCents: 20_001 }, "pay-same-key-0001");
    expect(other.status).toBe(422);
    expect((await errorsOf(other))[0]?.path).toBe("Idempotency-Key");
  });

  it("leaves exactly one ledger row after 100 parallel retries of one payment", async () => {
    const body = { tenancyId: tenancy.id, amountCents: 1_234, paidOn: "2026-11-15", method: "pagopa" };
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => pay(body, "pay-parallel-retries-01")),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const ids = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as Payment).id)));
    expect(ids.size).toBe(1);
    const rows = await ctx.db
      .select()
      .from(payments)
      .where(eq(payments.idempotencyKey, "pay-parallel-retries-01"));
    expect(rows).toHaveLength(1);
  });

  it("keeps the balance equal to charges minus payments minus write-offs, and ages what is overdue", async () => {
    const fresh = await activeTenancy(ctx, manager);
    await manager.post("/ledger/charge-runs", { period: "2026-09" });
    await manager.post("/ledger/charge-runs", { period: "2026-10" });
    await manager.post("/ledger/charge-runs", { period: "2026-11" });
    expect(
      (await pay({ tenancyId: fresh.id, amountCents: 50_000, paidOn: "2026-09-10", method: "cash" })).status,
    ).toBe(201);
    const off = await manager.post(`/tenancies/${fresh.id}/write-offs`, {
      amountCents: 1_000,
      writtenOn: "2026-11-20",
      reason: "Rimborso spese concordato",
    });
    expect(off.status).toBe(201);
    const ledger = await ledgerOf(fresh.id);
    expect(ledger).toMatchObject({
      chargedCents: 120_000,
      paidCents: 50_000,
      writtenOffCents: 1_000,
      balanceCents: 69_000,
    });
    expect(ledger.balanceCents).toBe(ledger.chargedCents - ledger.paidCents - ledger.writtenOffCents);
    expect(ledger.entries.at(-1)?.balanceCents).toBe(69_000);
    // Oldest first: September paid, 9,000 of October's 40,000 settled… by the write-off too.
    expect(ledger.ageing).toMatchObject({ d31_60: 29_000, d0_30: 40_000, overdueCents: 69_000 });
    expect(ledger.warnings.map((w) => w.kind)).toEqual(["partial_payment"]);
    const tooMuch = await manager.post(`/tenancies/${fresh.id}/write-offs`, {
      amountCents: 70_000,
      writtenOn: "2026-11-20",
      reason: "Prova",
    });
    expect(tooMuch.status).toBe(422);
    const noReason = await manager.post(`/tenancies/${fresh.id}/write-offs`, {
      amountCents: 100,
      writtenOn: "2026-11-20",
      reason: "",
    });
    expect(noReason.status).toBe(400);
  });
});

const statement = (lines: string[]) =>
  new File([`\uFEFFData contabile;Importo;Ordinante;Causale\r\n${lines.join("\r\n")}\r\n`], "estratto.csv", {
    type: "text/csv",
  });

describe("bank statements and reconciliation", () => {
  it("books lines matched by reference, queues the others, and refuses the same file twice", async () => {
    const t = await activeTenancy(ctx, manager);
    await manager.post("/ledger/charge-runs", { period: "2026-11" });
    const file = statement([
      `10/11/2026;400,00;Giulia Esempio Prova;Canone novembre ${t.reference}`,
      "11/11/2026;77,00;Sconosciuto Nessuno;Rimborso",
      "12/11/2026;-50,00;Comune;Commissioni",
    ]);
    const res = await manager.upload("/ledger/bank-imports", file);
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()) as BankImportResult).toMatchObject({
      lines: 2,
      matched: 1,
      unmatched: 1,
      debitsSkipped: 1,
      matchedCents: 40_000,
    });
    expect((await ledgerOf(t.id)).paidCents).toBe(40_000);
    const again = await manager.upload("/ledger/bank-imports", file);
    expect(again.status).toBe(409);
    const queue = (await (await manager.get("/ledger/bank-lines")).json()) as { items: BankLine[] };
    const unmatched = queue.items.find((l) => l.payer === "Sconosciuto Nessuno");
    expect(unmatched).toBeDefined();
    const assigned = await manager.post(`/ledger/bank-lines/${unmatched?.id}/assign`, {
      tenancyId: t.reference,
    });
    expect(assigned.status).toBe(200);
    expect((await ledgerOf(t.id)).paidCents).toBe(47_700);
    expect(
      (await manager.post(`/ledger/bank-lines/${unmatched?.id}/dismiss`, { reason: "Non è un canone" }))
        .status,
    ).toBe(409);
  });

  it("writes no line at all when one line is bad, naming every bad line", async () => {
    const before = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(bankLines))[0]?.n;
    const res = await manager.upload(
      "/ledger/bank-imports",
      statement([
        "10/11/2026;100,00;A Uno;LOC-2026-00001",
        "31/02/2026;100,00;B Due;x",
        "12/11/2026;1x0,00;C Tre;y",
      ]),
    );
    expect(res.status).toBe(422);
    const paths = (await errorsOf(res)).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([expect.stringMatching(/^line 3\./), expect.stringMatching(/^line 4\./)]),
    );
    expect((await ctx.db.select({ n: sql<number>`count(*)::int` }).from(bankLines))[0]?.n).toBe(before);
  });

  it("keeps another partner from the queue and the tenancy's ledger", async () => {
    const other = await ctx.loginAs("area_b_manager", "ETS-B2");
    expect((await other.get(`/tenancies/${tenancy.id}/ledger`)).status).toBe(404);
    const queue = (await (await other.get("/ledger/bank-lines")).json()) as { total: number };
    expect(queue.total).toBe(0);
    const res = await other.request("POST", "/payments", {
      tenancyId: tenancy.id,
      amountCents: 100,
      paidOn: "2026-11-10",
      method: "cash",
    });
    expect(res.status).toBe(422);
  });
});

describe("the pagoPA export", () => {
  it("lists the month's charges as debt positions, one per charge", async () => {
    const res = await manager.get("/ledger/pagopa?period=2026-09");
    expect(res.status).toBe(200);
    const text = await res.text();
    const rows = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const count = (await ctx.db.select().from(charges).where(eq(charges.period, "2026-09"))).length;
    expect(rows.length - 1).toBe(count);
    expect(rows[1]).toContain(tenancy.reference);
  });
});
