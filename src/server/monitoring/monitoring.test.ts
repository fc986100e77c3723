// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../security/catalogue.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { insertIndicatorFixture } from "./monitoring-fixtures.ts";

let ctx: TestContext;
let admin: TestClient;
let fixture: Awaited<ReturnType<typeof insertIndicatorFixture>>;

type Dashboard = {
  source: string;
  scope: string;
  period: {
    status: string;
    revision: number;
    valuesSha256: string | null;
    events: { action: string; reason: string }[];
  };
  indicators: { code: string; value: number | null; standing: string; target: { value: number } | null }[];
};
const valueIn = (d: Dashboard, code: string) => d.indicators.find((i) => i.code === code)?.value;
const put = (client: TestClient, path: string, body: unknown) => client.request("PUT", path, body);

beforeAll(async () => {
  ctx = await createTestContext();
  fixture = await insertIndicatorFixture(ctx.db);
  admin = await ctx.loginAs("comune_admin");
});
afterAll(() => ctx.close());

describe("the dashboard", () => {
  it("computes an open period live, against the targets in force at its end", async () => {
    const response = await admin.get("/monitoring/dashboard?period=2026-Q2");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Dashboard;
    expect(body).toMatchObject({
      source: "live",
      scope: "programme",
      period: { status: "open", revision: 0 },
    });
    expect(valueIn(body, "people_reached")).toBe(4);
    const people = body.indicators.find((i) => i.code === "people_reached");
    // The intermediate target of 128 people is the one due next after 30 June 2026.
    expect(people).toMatchObject({ target: { value: 128 }, standing: "not_met" });
    expect(body.indicators.find((i) => i.code === "returns_12m")).toMatchObject({
      value: null,
      standing: "not_computable",
    });
  });

  it("refuses a period that is not one, naming it", async () => {
    const response = await admin.get("/monitoring/dashboard?period=2026-13");
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe("period");
  });

  it("gives a partner its own figures only", async () => {
    const b2 = await ctx.loginAs("area_b_manager", "ETS-B2");
    const body = (await (await b2.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    expect(body.scope).toBe("organisation");
    expect(valueIn(body, "people_reached")).toBe(0);
  });

  it("lists an indicator's disaggregations with the keys in words where the server knows them", async () => {
    const response = await admin.get(
      "/monitoring/indicators/occupancy_rate?period=2026-Q2&dimensions=place,partner",
    );
    const body = await response.json();
    expect(body.breakdowns.place.map((c: { label: string }) => c.label)).toEqual([
      "Municipio 3",
      "Municipio 5",
      "Sesto San Giovanni",
    ]);
    expect(body.breakdowns.partner[0].label).toMatch(/\S/);
    const unknown = await admin.get("/monitoring/indicators/occupancy_rate?period=2026-Q2&dimensions=planet");
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0].path).toBe("dimensions");
  });

  it("draws an indicator over the last quarters", async () => {
    const body = await (await admin.get("/monitoring/indicators/households_housed/series?count=4")).json();
    expect(body.points.map((p: { key: string; value: number }) => [p.key, p.value])).toEqual([
      ["2026-Q1", 2],
      ["2026-Q2", 4],
      ["2026-Q3", 4],
      ["2026-Q4", 4],
    ]);
  });
});

describe("the targets", () => {
  it("refuses a target without a date, naming the field, and changes nothing", async () => {
    const response = await put(admin, "/monitoring/indicators/people_reached/targets", {
      targets: [{ kind: "final", value: 900 }],
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("targets.0.dueOn");
    const catalogue = await (await admin.get("/monitoring/catalogue")).json();
    const people = catalogue.indicators.find((i: { code: string }) => i.code === "people_reached");
    expect(people).toMatchObject({ defaultTargets: true });
    expect(people.targets.map((t: { value: number }) => t.value)).toEqual([0, 128, 850]);
  });

  it("refuses an intermediate target due after the final one", async () => {
    const response = await put(admin, "/monitoring/indicators/people_reached/targets", {
      targets: [
        { kind: "intermediate", value: 500, dueOn: "2031-01-01" },
        { kind: "final", value: 850, dueOn: "2030-12-31" },
      ],
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("targets.0.dueOn");
  });

  it("lets the Comune set them and no partner", async () => {
    const targets = [
      { kind: "intermediate", value: 3, dueOn: "2026-12-31" },
      { kind: "final", value: 850, dueOn: "2030-12-31" },
    ];
    const partner = await ctx.loginAs("area_b_manager", "ETS-B1");
    expect((await put(partner, "/monitoring/indicators/people_reached/targets", { targets })).status).toBe(
      403,
    );
    expect((await put(admin, "/monitoring/indicators/people_reached/targets", { targets })).status).toBe(200);
    const body = (await (await admin.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    expect(body.indicators.find((i) => i.code === "people_reached")).toMatchObject({
      target: { value: 3 },
      standing: "met",
    });
  });
});

describe("closing and reopening a period", () => {
  it("refuses to close a period that has not ended, naming it", async () => {
    const response = await admin.post("/monitoring/periods/2026-11/close");
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe("period");
  });

  it("freezes the figures: a later edit does not change a closed period, and closing twice is refused", async () => {
    const closed = await admin.post("/monitoring/periods/2026-Q2/close");
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({
      status: "closed",
      revision: 1,
      valuesSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // A household accepted inside the period, recorded after the close.
    await ctx.db.execute(sql`update referrals set status = 'accepted', answered_at = '2026-06-15T10:00:00+02:00'
      where household_id = ${fixture.households.h3}`);
    const frozen = (await (await admin.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    expect(frozen.source).toBe("snapshot");
    expect(valueIn(frozen, "people_reached")).toBe(4);
    const again = await admin.post("/monitoring/periods/2026-Q2/close");
    expect(again.status).toBe(409);
    expect((await again.json()).detail).toMatch(/is closed .*reopen it with a reason/);
  });

  it("keeps each partner's own frozen figures", async () => {
    const b1 = await ctx.loginAs("area_b_manager", "ETS-B1");
    const b2 = await ctx.loginAs("area_b_manager", "ETS-B2");
    const own = (await (await b1.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    const other = (await (await b2.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    expect([own.source, valueIn(own, "people_reached")]).toEqual(["snapshot", 4]);
    expect([other.source, valueIn(other, "people_reached")]).toEqual(["snapshot", 0]);
  });

  it("reopens only with a reason, audited; a new close writes a new revision beside the old one", async () => {
    const bare = await admin.post("/monitoring/periods/2026-Q2/reopen", { reason: "" });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(await bare.json())).toContain("reason");
    const reopened = await admin.post("/monitoring/periods/2026-Q2/reopen", {
      reason: "Un'accettazione registrata in ritardo (prova)",
    });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({
      status: "open",
      events: [
        { action: "closed" },
        { action: "reopened", reason: "Un'accettazione registrata in ritardo (prova)" },
      ],
    });
    const live = (await (await admin.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    expect([live.source, valueIn(live, "people_reached")]).toEqual(["live", 6]);
    expect((await admin.post("/monitoring/periods/2026-Q2/close")).status).toBe(200);
    const snapshots = await rowsOf<{ revision: number; n: number }>(
      ctx.db,
      sql`select revision, count(*)::int as n from monitoring_snapshots group by revision order by revision`,
    );
    expect(snapshots.map((s) => s.revision)).toEqual([1, 2]);
    const audited = await rowsOf<{ action: string }>(
      ctx.db,
      sql`select action from audit_events where action like '%/monitoring/periods/%' order by seq`,
    );
    expect(audited.map((a) => a.action)).toContain("POST /monitoring/periods/{key}/reopen");
  });

  it("refuses to reopen a period that is not closed", async () => {
    const response = await admin.post("/monitoring/periods/2026-Q1/reopen", {
      reason: "Nessun motivo reale (prova)",
    });
    expect(response.status).toBe(409);
  });
});

describe("the records behind a number", () => {
  it("are listed, and the read audited, for a role that reads those records", async () => {
    const response = await admin.get("/monitoring/indicators/households_reached/records?period=2026-Q1");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ records: "household", total: 1, items: [{ label: "IND-H1" }] });
    const audited = await rowsOf<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from audit_events where action = 'GET /monitoring/indicators/{code}/records'`,
    );
    expect(audited[0]?.n).toBeGreaterThan(0);
  });

  it("are refused to a role that sees the numbers but not the households", async () => {
    const board = await ctx.loginAs("steering_board");
    expect((await board.get("/monitoring/dashboard?period=2026-Q1")).status).toBe(200);
    expect((await board.get("/monitoring/indicators/households_reached/records?period=2026-Q1")).status).toBe(
      403,
    );
  });
});
