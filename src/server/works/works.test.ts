// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ContractorView,
  WorksDetail,
  WorksList,
  WorksReport,
} from "../../domain/works/works-api.schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22.
let ctx: TestContext;
let manager: TestClient;
let other: TestClient;
let admin: TestClient;
let valid: ContractorView;
let lapsed: ContractorView;
let unitCodes: string[];

const contractor = (name: string, vatNumber: string, expiresOn: string) => ({
  name,
  vatNumber,
  whiteList: { prefecture: "Prefettura di Milano", registeredOn: "2026-01-10", expiresOn },
  qualifications: ["OG1 II"],
});

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  other = await ctx.loginAs("area_b_manager", "ETS-B2");
  admin = await ctx.loginAs("comune_admin");
  valid = (await (
    await manager.post("/contractors", contractor("Edil Fittizia (demo)", "02468135799", "2027-01-09"))
  ).json()) as ContractorView;
  lapsed = (await (
    await manager.post("/contractors", contractor("Costruzioni Scadute (demo)", "98765432103", "2026-06-30"))
  ).json()) as ContractorView;
  unitCodes = [];
  for (const surfaceM2 of [50, 70]) {
    const unit = await ctx.newUnit({
      managingPartnerCode: "ETS-B1",
      category: "calmierato",
      surfaceM2,
      status: "to_renovate",
    });
    unitCodes.push(unit.code);
  }
});
afterAll(() => ctx.close());

const newWorks = async (client = manager, units = unitCodes) => {
  const res = await client.post("/works", {
    title: "Ristrutturazione di due alloggi",
    units,
    targetGroup: "anziano_solo",
    estimateExVatCents: 6_000_000,
    phases: [
      { name: "Demolizioni", plannedStart: "2026-09-01", plannedEnd: "2026-09-30" },
      { name: "Impianti", plannedStart: "2026-10-01", plannedEnd: "2026-10-31" },
    ],
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as WorksDetail;
};

describe("the contractor register", () => {
  it("shows each contractor's white-list standing today and warns of one about to expire", async () => {
    const list = (await (await admin.get("/contractors")).json()) as { items: ContractorView[] };
    const byName = new Map(list.items.map((c) => [c.name, c]));
    expect(byName.get(valid.name)).toMatchObject({
      standing: "valid",
      daysToExpiry: 48,
      expiringSoon: false,
    });
    expect(byName.get(lapsed.name)).toMatchObject({ standing: "expired", expiringSoon: false });
  });

  it("registers a partita IVA once, naming the field", async () => {
    const res = await other.post("/contractors", contractor("Doppione (demo)", "02468135799", "2027-01-09"));
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain('"vatNumber"');
  });

  it("lets only the registering organisation or the Comune change a contractor", async () => {
    const renewal = {
      ...contractor(lapsed.name, lapsed.vatNumber, "2026-06-30"),
      whiteList: {
        prefecture: "Prefettura di Milano",
        registeredOn: "2026-01-10",
        expiresOn: "2026-06-30",
        renewalRequestedOn: "2026-06-15",
      },
      version: lapsed.version,
    };
    expect((await other.request("PUT", `/contractors/${lapsed.id}`, renewal)).status).toBe(403);
    const res = await admin.request("PUT", `/contractors/${lapsed.id}`, renewal);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ standing: "renewal_pending", version: lapsed.version + 1 });
    // Back to lapsed, for the award test below.
    const back = await manager.request("PUT", `/contractors/${lapsed.id}`, {
      ...renewal,
      whiteList: { ...renewal.whiteList, renewalRequestedOn: null },
      version: lapsed.version + 1,
    });
    expect(back.status).toBe(200);
    const stale = await manager.request("PUT", `/contractors/${lapsed.id}`, {
      ...renewal,
      version: lapsed.version,
    });
    expect(stale.status).toBe(409);
  });

  it("refuses a bad record naming the field", async () => {
    const res = await manager.post("/contractors", {
      ...contractor("Date invertite (demo)", "00000000018", "2025-01-01"),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("whiteList.expiresOn");
  });
});

describe("renovation works", () => {
  it("plans works on a batch of one partner's units, with VAT at 10 % by default", async () => {
    const works = await newWorks();
    expect(works).toMatchObject({
      reference: expect.stringMatching(/^LAV-\d{4}-\d{5}$/),
      partnerCode: "ETS-B1",
      status: "planned",
      vatRateBp: 1000,
      estimateVatCents: 600_000,
      unitCodes: [...unitCodes].sort(),
    });
    expect(works.standards.missing).toContain("grab_bars");
    expect(works.phases.map((p) => p.slippageDays)).toEqual([53, 22]);
  });

  it("refuses units of another partner or of two partners, naming the field", async () => {
    const foreign = await ctx.newUnit({ managingPartnerCode: "ETS-B2", category: "fragilita" });
    const res = await manager.post("/works", {
      title: "Lavori",
      units: [foreign.code],
      estimateExVatCents: 1,
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('"units.0"');
    const mixed = await admin.post("/works", {
      title: "Lavori",
      units: [unitCodes[0], foreign.code],
      estimateExVatCents: 1,
    });
    expect(mixed.status).toBe(422);
    expect(JSON.stringify(await mixed.json())).toContain('"units"');
  });

  it("refuses an award to a contractor whose registration is not valid on the day", async () => {
    const works = await newWorks();
    const refused = await manager.post(`/works/${works.id}/award`, {
      contractorId: lapsed.id,
      awardedOn: "2026-08-01",
      version: works.version,
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: [
        { path: "contractorId", message: `${lapsed.name}'s white-list registration expired on 2026-06-30` },
      ],
    });
    const before = (await (await manager.get(`/works/${works.id}`)).json()) as WorksDetail;
    expect(before).toMatchObject({ status: "planned", contractor: null, version: works.version });
  });

  it("runs the works: award, phases started and ended, costs, checklist, completion makes the units available", async () => {
    let works = await newWorks();
    const step = async (method: string, path: string, payload: Record<string, unknown>, status = 200) => {
      const res = await manager.request(method, `/works/${works.id}${path}`, {
        ...payload,
        version: works.version,
      });
      expect(res.status, await res.clone().text()).toBe(status);
      works = (await res.json()) as WorksDetail;
    };
    await step("POST", "/award", { contractorId: valid.id, awardedOn: "2026-08-20" });
    expect(works.status).toBe("awarded");
    await step("PUT", "/phases", {
      position: 1,
      phase: { ...works.phases[0], actualStart: "2026-09-03", actualEnd: "2026-10-05" },
    });
    expect(works.status).toBe("in_progress");
    expect(works.units.map((u) => u.status)).toEqual(["renovating", "renovating"]);
    expect(works.phases[0]).toMatchObject({ slippageDays: 5, startDelayDays: 2 });
    await step("PUT", "/phases", {
      position: 2,
      phase: { ...works.phases[1], actualStart: "2026-10-06", actualEnd: "2026-11-10" },
    });
    await step(
      "POST",
      "/costs",
      {
        description: "Opere edili",
        invoiceNumber: "FT-1",
        invoiceDate: "2026-10-31",
        amountExVatCents: 4_800_000,
        vatCents: 480_000,
        fundingSource: "grant",
      },
      201,
    );
    await step(
      "POST",
      "/costs",
      {
        description: "Arredi",
        invoiceNumber: "FT-2",
        invoiceDate: "2026-11-12",
        amountExVatCents: 1_200_000,
        vatCents: 264_000,
        fundingSource: "equity",
      },
      201,
    );
    expect(works.figures).toMatchObject({
      exVatCents: 6_000_000,
      perM2Cents: 50_000,
      perUnitCents: 3_000_000,
      overEstimateCents: 0,
    });
    expect(works.figures.bySource).toMatchObject({ grant: 5_280_000, equity: 1_464_000 });

    const incomplete = await manager.post(`/works/${works.id}/complete`, {
      completedOn: "2026-11-15",
      version: works.version,
    });
    expect(incomplete.status).toBe(422);
    expect(JSON.stringify(await incomplete.json())).toContain('"standards"');
    await step("PUT", "/standards", { ticked: works.standards.items });
    await step("POST", "/complete", { completedOn: "2026-11-15" });
    expect(works).toMatchObject({ status: "completed", completedOn: "2026-11-15" });
    expect(works.units.map((u) => u.status)).toEqual(["available", "available"]);
  });

  it("refuses a phase start before the award and in the future, naming the field", async () => {
    const works = await newWorks();
    const early = await manager.request("PUT", `/works/${works.id}/phases`, {
      position: 1,
      phase: { ...works.phases[0], actualStart: "2026-09-02" },
      version: works.version,
    });
    expect(early.status).toBe(422);
    expect(JSON.stringify(await early.json())).toContain('"phase.actualStart"');
    const future = await manager.request("PUT", `/works/${works.id}/phases`, {
      position: 3,
      phase: {
        name: "Finiture",
        plannedStart: "2026-12-01",
        plannedEnd: "2026-12-20",
        actualStart: "2026-12-01",
      },
      version: works.version,
    });
    expect(future.status).toBe(422);
    const gap = await manager.request("PUT", `/works/${works.id}/phases`, {
      position: 5,
      phase: { name: "Finiture", plannedStart: "2026-12-01", plannedEnd: "2026-12-20" },
      version: works.version,
    });
    expect(gap.status).toBe(422);
    expect(JSON.stringify(await gap.json())).toContain('"position"');
  });

  it("keeps a partner's works from another partner, and reports only what the caller sees", async () => {
    const works = await newWorks();
    expect((await other.get(`/works/${works.id}`)).status).toBe(404);
    expect((await other.get(`/works/${works.reference}`)).status).toBe(404);
    const theirs = (await (await other.get("/works")).json()) as WorksList;
    expect(theirs.items.map((w) => w.id)).not.toContain(works.id);
    const report = (await (await admin.get("/works/report")).json()) as WorksReport;
    expect(report.works.map((w) => w.reference)).toContain(works.reference);
    expect(report.totals.exVatCents).toBe(report.works.reduce((s, w) => s + w.exVatCents, 0));
    const partnerReport = (await (await other.get("/works/report")).json()) as WorksReport;
    expect(partnerReport.works.map((w) => w.reference)).not.toContain(works.reference);
  });

  it("refuses what a role may not do", async () => {
    const educator = await ctx.loginAs("area_b_educator", "ETS-B1");
    expect((await educator.get("/works")).status).toBe(403);
    const auditor = await ctx.loginAs("auditor");
    expect((await auditor.get("/works")).status).toBe(200);
    expect(
      (await auditor.post("/works", { title: "x", units: unitCodes, estimateExVatCents: 1 })).status,
    ).toBe(403);
    expect((await auditor.post("/contractors", contractor("x", "00000000018", "2027-01-01"))).status).toBe(
      403,
    );
  });
});

describe("cancelling a works", () => {
  it("needs a reason, keeps the costs and sends the units under works back to be renovated", async () => {
    const codes = [];
    for (const surfaceM2 of [40, 45]) {
      const unit = await ctx.newUnit({
        managingPartnerCode: "ETS-B1",
        category: "calmierato",
        surfaceM2,
        status: "to_renovate",
      });
      codes.push(unit.code);
    }
    let job = await newWorks(manager, codes);
    job = (await (
      await manager.post(`/works/${job.id}/award`, {
        contractorId: valid.id,
        awardedOn: "2026-08-25",
        version: job.version,
      })
    ).json()) as WorksDetail;
    const started = await manager.request("PUT", `/works/${job.id}/phases`, {
      position: 1,
      phase: {
        name: "Demolizioni",
        plannedStart: "2026-09-01",
        plannedEnd: "2026-09-30",
        actualStart: "2026-09-02",
      },
      version: job.version,
    });
    expect(started.status, await started.clone().text()).toBe(200);
    job = (await started.json()) as WorksDetail;
    expect(job.units.map((u) => u.status)).toEqual(["renovating", "renovating"]);

    const noReason = await manager.post(`/works/${job.id}/cancel`, { reason: "", version: job.version });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain('"reason"');
    expect(
      (await other.post(`/works/${job.id}/cancel`, { reason: "Non nostro", version: job.version })).status,
    ).toBe(404);
    const res = await manager.post(`/works/${job.id}/cancel`, {
      reason: "Il Comune ha ritirato gli alloggi dal lotto",
      version: job.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cancelled = (await res.json()) as WorksDetail;
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelledOn: "2026-11-22",
      cancelReason: "Il Comune ha ritirato gli alloggi dal lotto",
    });
    expect(cancelled.units.map((u) => u.status)).toEqual(["to_renovate", "to_renovate"]);
    const again = await manager.post(`/works/${job.id}/cancel`, {
      reason: "Di nuovo",
      version: cancelled.version,
    });
    expect(again.status).toBe(409);
  });
});
