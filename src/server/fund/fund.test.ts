// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FundLedger } from "../../domain/fund/fund-api.schema.ts";
import type {
  BodySummaryView,
  DecisionView,
  MeetingView,
} from "../../domain/governance/governance-api.schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22.
let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let otherManager: TestClient;
let educator: TestClient;
let network: BodySummaryView;
let areaB: BodySummaryView;
let decision: DecisionView;

async function expectStatus<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}
const pathsOf = async (res: Response) =>
  ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
const entry = (amountCents: number, overrides: Record<string, unknown> = {}) => ({
  amountCents,
  entryOn: "2026-10-01",
  counterpart: "Parrocchia del quartiere (demo)",
  description: "Colletta per il fondo di comunità",
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  const cabina = await expectStatus<BodySummaryView>(
    await admin.post("/governance/bodies", {
      name: "Cabina di Regia Integrata",
      level: "directive",
      establishedOn: "2026-01-15",
    }),
    201,
  );
  network = await expectStatus<BodySummaryView>(
    await admin.post("/governance/bodies", {
      name: "Rete territoriale Municipio 3",
      level: "management",
      municipio: 3,
      reportsToId: cabina.id,
      establishedOn: "2026-04-01",
    }),
    201,
  );
  areaB = await expectStatus<BodySummaryView>(
    await admin.post("/governance/bodies", {
      name: "Coordinamento Area B",
      level: "management",
      area: "B",
      reportsToId: cabina.id,
      establishedOn: "2026-02-01",
    }),
    201,
  );
  const meeting = await expectStatus<MeetingView>(
    await admin.post(`/governance/bodies/${network.id}/meetings`, {
      date: "2026-10-20",
      agenda: ["Fondo di comunità"],
    }),
    201,
  );
  await expectStatus(
    await admin.request("PUT", `/governance/meetings/${meeting.id}/minutes`, {
      attendeeIds: [],
      minutes: "Il coordinamento approva le spese del fondo.",
      version: meeting.version,
    }),
    200,
  );
  decision = await expectStatus<DecisionView>(
    await admin.post(`/governance/bodies/${network.id}/decisions`, {
      meetingId: meeting.id,
      text: "Approvazione delle spese per il doposcuola",
      mode: "consensus",
    }),
    201,
  );
});
afterAll(() => ctx.close());

describe("a Municipio network's community fund", () => {
  it("takes contributions from each partner and pays approved expenses, never beyond its balance", async () => {
    const path = `/networks/${network.id}/fund`;
    await expectStatus(await manager.post(`${path}/contributions`, entry(150_000)), 201);
    const afterTwo = await expectStatus<FundLedger>(
      await otherManager.post(
        `${path}/contributions`,
        entry(50_000, { counterpart: "Bottega solidale (demo)" }),
      ),
      201,
    );
    expect(afterTwo).toMatchObject({ contributionsCents: 200_000, balanceCents: 200_000, municipio: 3 });
    expect(afterTwo.entries.map((e) => [e.kind, e.status, e.organisationCode])).toEqual([
      ["contribution", "recorded", "ETS-B1"],
      ["contribution", "recorded", "ETS-B2"],
    ]);

    const proposed = await expectStatus<FundLedger>(
      await manager.post(
        `${path}/expenses`,
        entry(120_000, { counterpart: "Doposcuola (demo)", description: "Materiali" }),
      ),
      201,
    );
    expect(proposed).toMatchObject({ proposedCents: 120_000, balanceCents: 200_000 });
    const expense = proposed.entries.find((e) => e.kind === "expense");
    const tooBig = await expectStatus<FundLedger>(
      await manager.post(
        `${path}/expenses`,
        entry(90_000, { counterpart: "Gita (demo)", description: "Pullman" }),
      ),
      201,
    );
    const second = tooBig.entries.find((e) => e.counterpart === "Gita (demo)");

    // A partner does not approve; a decision of another body does not approve.
    expect(
      (
        await manager.post(`/fund-entries/${expense?.id}/decision`, {
          outcome: "approved",
          decisionId: decision.id,
        })
      ).status,
    ).toBe(403);
    const noDecision = await admin.post(`/fund-entries/${expense?.id}/decision`, { outcome: "approved" });
    expect(noDecision.status).toBe(422);
    expect(await pathsOf(noDecision)).toEqual(["decisionId"]);
    const approved = await expectStatus<FundLedger>(
      await admin.post(`/fund-entries/${expense?.id}/decision`, {
        outcome: "approved",
        decisionId: decision.id,
      }),
      200,
    );
    expect(approved).toMatchObject({ approvedCents: 120_000, balanceCents: 80_000, proposedCents: 90_000 });
    expect(approved.entries.find((e) => e.id === expense?.id)).toMatchObject({
      status: "approved",
      decisionNumber: 1,
    });
    const over = await admin.post(`/fund-entries/${second?.id}/decision`, {
      outcome: "approved",
      decisionId: decision.id,
    });
    expect(over.status).toBe(409);
    expect((await over.json()) as unknown).toMatchObject({
      errors: [{ path: "outcome", message: "The fund holds 800.00 EUR: not enough for 900.00 EUR" }],
    });
    const again = await admin.post(`/fund-entries/${expense?.id}/decision`, { outcome: "rejected" });
    expect(again.status).toBe(409);
    const rejected = await expectStatus<FundLedger>(
      await admin.post(`/fund-entries/${second?.id}/decision`, { outcome: "rejected" }),
      200,
    );
    expect(rejected).toMatchObject({ proposedCents: 0, balanceCents: 80_000 });
    // Every staff account reads the ledger.
    expect((await expectStatus<FundLedger>(await educator.get(path), 200)).entries).toHaveLength(4);
  });

  it("names the field of a bad entry, and exists only for a Municipio network", async () => {
    const bad = await manager.post(`/networks/${network.id}/fund/contributions`, {
      amountCents: 10.5,
      entryOn: "ieri",
      counterpart: "",
      description: "x",
    });
    expect(bad.status).toBe(400);
    expect((await pathsOf(bad)).sort()).toEqual(["amountCents", "counterpart", "description", "entryOn"]);
    expect((await admin.get(`/networks/${areaB.id}/fund`)).status).toBe(404);
    expect((await educator.post(`/networks/${network.id}/fund/contributions`, entry(1_000))).status).toBe(
      403,
    );
  });
});
