// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../domain/shared/csv.ts";
import type { TimelineItemView, TimelineList } from "../../domain/timeline/timeline-api.schema.ts";
import { TIMELINE_EXPORT_COLUMNS } from "../../domain/timeline/timeline-export.ts";
import { auditEvents } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22; the convention runs 2026-01-01 → 2050-12-31.
let ctx: TestContext;
let areaA: TestClient;
let admin: TestClient;
let manager: TestClient;
let other: TestClient;
let board: TestClient;

type Problem = { errors: { path: string; message: string }[] };
const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.path);

const phase = (overrides: Record<string, unknown> = {}) => ({
  line: "B.2",
  kind: "phase",
  title: "Ristrutturazione primo lotto",
  ownerName: "Ufficio tecnico",
  plannedStart: "2026-03-01",
  plannedEnd: "2027-02-28",
  ...overrides,
});

async function created(res: Response): Promise<TimelineItemView> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as TimelineItemView;
}
async function ok<T = TimelineItemView>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}
const put = (client: TestClient, item: TimelineItemView, changes: Record<string, unknown>) => {
  const { line, kind, title, description, ownerName, plannedStart, plannedEnd, position, version } = item;
  const { actualStart, actualEnd, status } = item;
  return client.request("PUT", `/timeline/${item.id}`, {
    ...{ line, kind, title, description, ownerName, plannedStart, plannedEnd, position, version },
    ...{ actualStart, actualEnd, status },
    ...changes,
  });
};
const list = async (client: TestClient, query = "") =>
  ok<TimelineList>(await client.get(`/timeline${query}`));

beforeAll(async () => {
  ctx = await createTestContext();
  areaA = await ctx.loginAs("area_a");
  admin = await ctx.loginAs("comune_admin");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  other = await ctx.loginAs("area_b_manager", "ETS-B2");
  board = await ctx.loginAs("steering_board");
});
afterAll(() => ctx.close());

describe("adding phases and milestones", () => {
  it("gives a partner's item to the partner, and lets the programme choose the owner", async () => {
    const own = await created(await manager.post("/timeline", phase()));
    expect(own).toMatchObject({
      ownerCode: "ETS-B1",
      area: "B",
      status: "not_started",
      standing: "late",
      slipped: "start",
      editable: true,
      version: 1,
    });
    const given = await created(
      await areaA.post("/timeline", phase({ line: "A.1", ownerCode: "COMUNE-MI", title: "Cabina di regia" })),
    );
    expect(given).toMatchObject({ ownerCode: "COMUNE-MI", area: "A", editable: true });
    const milestone = await created(
      await admin.post(
        "/timeline",
        phase({
          line: "A.2",
          kind: "milestone",
          plannedStart: "2027-06-30",
          plannedEnd: null,
          ownerCode: "ets-a",
        }),
      ),
    );
    expect(milestone).toMatchObject({ plannedEnd: "2027-06-30", ownerCode: "ETS-A", standing: "on_time" });
  });

  it("refuses a partner an item owned by another organisation, naming ownerCode", async () => {
    const res = await manager.post("/timeline", phase({ ownerCode: "ETS-B2" }));
    expect(res.status).toBe(403);
    expect(await fieldsOf(res)).toEqual(["ownerCode"]);
  });

  it("refuses an unknown owner with a 422, and a role without timeline:write with a 403", async () => {
    const unknown = await admin.post("/timeline", phase({ ownerCode: "ETS-Z9" }));
    expect(unknown.status).toBe(422);
    expect(await fieldsOf(unknown)).toEqual(["ownerCode"]);
    expect((await board.post("/timeline", phase())).status).toBe(403);
    const educator = await ctx.loginAs("area_b_educator", "ETS-B1");
    expect((await educator.post("/timeline", phase())).status).toBe(403);
    expect((await educator.get("/timeline")).status).toBe(200);
  });

  it.each([
    [{ line: "C.1" }, 400, "line"],
    [{ kind: "task" }, 400, "kind"],
    [{ plannedStart: "2026-13-01" }, 400, "plannedStart"],
    [{ title: "" }, 400, "title"],
    [{ plannedStart: "2025-12-01" }, 422, "plannedStart"],
    [{ plannedEnd: "2051-01-31" }, 422, "plannedEnd"],
    [{ plannedEnd: null }, 422, "plannedEnd"],
    [{ plannedEnd: "2026-02-01" }, 422, "plannedEnd"],
    [{ kind: "milestone", plannedEnd: "2026-03-02" }, 422, "plannedEnd"],
    [{ status: "in_progress" }, 422, "actualStart"],
    [{ status: "in_progress", actualStart: "2026-03-01", actualEnd: "2026-04-01" }, 422, "actualEnd"],
    [{ status: "done", actualStart: "2026-03-01" }, 422, "actualEnd"],
    [{ status: "not_started", actualStart: "2026-03-01" }, 422, "actualStart"],
    [{ status: "done", actualStart: "2026-03-01", actualEnd: "2026-02-01" }, 422, "actualEnd"],
    [{ status: "done", actualStart: "2026-03-01", actualEnd: "2026-11-23" }, 422, "actualEnd"],
    [{ status: "in_progress", actualStart: "2026-12-01" }, 422, "actualStart"],
  ])("refuses %o with %i naming %s", async (overrides, status, field) => {
    const res = await manager.post("/timeline", phase(overrides));
    expect(res.status, await res.clone().text()).toBe(status);
    expect(await fieldsOf(res)).toEqual([field]);
  });

  it("names the convention's date in the message", async () => {
    const res = await manager.post("/timeline", phase({ plannedEnd: "2051-01-31" }));
    expect(((await res.json()) as Problem).errors[0]?.message).toBe(
      "plannedEnd is after the convention ends (2050-12-31)",
    );
  });
});

describe("changing an item", () => {
  it("marks a phase done with its actual dates: done late by the days after its planned end", async () => {
    const item = await created(
      await manager.post("/timeline", phase({ title: "Arredo alloggi lotto 1", plannedEnd: "2026-09-30" })),
    );
    expect(item).toMatchObject({ standing: "late", slipped: "end", slippageDays: 53 });
    const started = await ok(await put(manager, item, { status: "in_progress", actualStart: "2026-03-10" }));
    expect(started).toMatchObject({ status: "in_progress", standing: "late", version: 2 });
    const done = await ok(await put(manager, started, { status: "done", actualEnd: "2026-10-15" }));
    expect(done).toMatchObject({ status: "done", standing: "done_late", slippageDays: 15, version: 3 });
    const early = await ok(await put(manager, done, { actualEnd: "2026-09-20" }));
    expect(early).toMatchObject({ standing: "done", slippageDays: -10 });
  });

  it("refuses another partner's change with a 403, a stale version with a 409, an unknown id with a 404", async () => {
    const item = await created(await manager.post("/timeline", phase({ title: "Piano di gestione" })));
    const refused = await put(other, item, { status: "cancelled" });
    expect(refused.status).toBe(403);
    expect((await put(board, item, { status: "cancelled" })).status).toBe(403);
    const saved = await ok(await put(manager, item, { ownerName: "Ufficio gestione" }));
    const stale = await put(manager, item, { ownerName: "Ufficio tecnico" });
    expect(stale.status).toBe(409);
    expect(await fieldsOf(stale)).toEqual(["version"]);
    expect((await put(manager, { ...saved, id: "00000000-0000-4000-8000-000000000000" }, {})).status).toBe(
      404,
    );
    expect((await put(manager, { ...saved, id: "not-a-uuid" }, {})).status).toBe(404);
    // The partner cannot hand its item to another organisation; the programme can.
    const handed = await put(manager, saved, { ownerCode: "ETS-B2" });
    expect(handed.status).toBe(403);
    expect(await fieldsOf(handed)).toEqual(["ownerCode"]);
    const moved = await ok(await put(areaA, saved, { ownerCode: "ETS-B2" }));
    expect(moved).toMatchObject({ ownerCode: "ETS-B2" });
    expect(await ok(await put(other, moved, { status: "cancelled" }))).toMatchObject({
      standing: "cancelled",
      slippageDays: null,
    });
  });

  it("checks the rules on a change too, naming the field", async () => {
    const item = await created(await manager.post("/timeline", phase({ title: "Verifica impianti" })));
    const res = await put(manager, item, { status: "done" });
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(["actualStart", "actualEnd"]);
  });

  it("records every change in the audit trail against the item", async () => {
    const item = await created(await manager.post("/timeline", phase({ title: "Collaudo" })));
    await ok(await put(manager, item, { status: "in_progress", actualStart: "2026-11-01" }));
    expect((await put(other, item, { status: "cancelled" })).status).toBe(403);
    const rows = await ctx.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "timeline_item"), eq(auditEvents.entityId, item.id)))
      .orderBy(asc(auditEvents.seq));
    expect(rows).toEqual([
      { action: "POST /timeline", outcome: "success" },
      { action: "PUT /timeline/{id}", outcome: "success" },
    ]);
    const refused = await ctx.db
      .select({ outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "PUT /timeline/{id}"), eq(auditEvents.entityId, item.id)));
    expect(refused.map((r) => r.outcome).sort()).toEqual(["denied", "success"]);
  });
});

describe("the list, its standings and tallies", () => {
  let fresh: TestContext;
  let reader: TestClient;
  beforeAll(async () => {
    fresh = await createTestContext();
    const writer = await fresh.loginAs("comune_admin");
    reader = await fresh.loginAs("auditor");
    const add = async (body: Record<string, unknown>) => created(await writer.post("/timeline", body));
    await add(
      phase({
        line: "A.1",
        ownerCode: "ETS-A",
        status: "done",
        actualStart: "2026-01-10",
        actualEnd: "2026-04-30",
        plannedEnd: "2026-04-30",
      }),
    );
    await add(
      phase({
        line: "A.1",
        kind: "milestone",
        plannedStart: "2026-06-30",
        plannedEnd: null,
        ownerCode: "COMUNE-MI",
        status: "done",
        actualStart: "2026-07-20",
        actualEnd: "2026-07-20",
      }),
    );
    await add(
      phase({
        line: "A.1",
        kind: "milestone",
        plannedStart: "2026-10-31",
        plannedEnd: null,
        ownerCode: "ETS-A",
      }),
    );
    await add(
      phase({
        line: "A.2",
        kind: "milestone",
        plannedStart: "2026-09-30",
        plannedEnd: null,
        ownerCode: "ETS-A",
        status: "done",
        actualStart: "2026-09-25",
        actualEnd: "2026-09-25",
      }),
    );
    await add(
      phase({
        line: "A.3",
        ownerCode: "ETS-A",
        plannedEnd: "2026-12-01",
        status: "in_progress",
        actualStart: "2026-03-01",
      }),
    );
    await add(
      phase({ line: "B.3", ownerCode: "ETS-B3", plannedStart: "2027-01-01", plannedEnd: "2030-12-31" }),
    );
    await add(
      phase({
        line: "B.3",
        kind: "milestone",
        plannedStart: "2026-05-01",
        plannedEnd: null,
        ownerCode: "ETS-B3",
        status: "cancelled",
      }),
    );
  });
  afterAll(() => fresh.close());

  it("computes each item's standing and the tallies per line, area and overall", async () => {
    const timeline = await list(reader);
    expect(timeline).toMatchObject({
      asOf: "2026-11-22",
      convention: { start: "2026-01-01", end: "2050-12-31" },
    });
    expect(timeline.items.map((i) => [i.line, i.kind, i.standing, i.slippageDays])).toEqual([
      ["A.1", "phase", "done", 0],
      ["A.1", "milestone", "done_late", 20],
      ["A.1", "milestone", "late", 22],
      ["A.2", "milestone", "done", -5],
      ["A.3", "phase", "at_risk", 0],
      ["B.3", "milestone", "cancelled", null],
      ["B.3", "phase", "on_time", 0],
    ]);
    expect(timeline.items.every((i) => !i.editable)).toBe(true);
    expect(
      timeline.summary.byLine.map((l) => [l.line, l.total, l.milestonesDue, l.milestonesOnTime]),
    ).toEqual([
      ["A.1", 3, 2, 0],
      ["A.2", 1, 1, 1],
      ["A.3", 1, 0, 0],
      ["B.3", 2, 0, 0],
    ]);
    expect(timeline.summary.byArea).toMatchObject([
      { area: "A", total: 5, milestonesDue: 3, milestonesOnTime: 1 },
      { area: "B", total: 2, milestonesOnTimeShare: null },
    ]);
    expect(timeline.summary.overall.counts).toEqual({
      on_time: 1,
      at_risk: 1,
      late: 1,
      done_late: 1,
      done: 2,
      cancelled: 1,
    });
    expect(timeline.summary.overall.milestonesOnTimeShare).toBeCloseTo(1 / 3);
    expect(timeline.owners.map((o) => o.code)).toEqual(["COMUNE-MI", "ETS-A", "ETS-B1", "ETS-B2", "ETS-B3"]);
  });

  it("offers a partner only itself as owner", async () => {
    const partner = await fresh.loginAs("area_b_manager", "ETS-B2");
    expect((await list(partner)).owners.map((o) => o.code)).toEqual(["ETS-B2"]);
  });

  it.each([
    ["?area=A", 5, 5],
    ["?area=B", 2, 2],
    ["?line=A.1", 3, 3],
    ["?line=A.1&standing=late", 1, 3],
    ["?standing=done", 2, 7],
    ["?status=not_started", 2, 7],
    ["?area=B&line=A.1", 0, 0],
  ])("filters %s: %i items, tallies over %i", async (query, count, tallied) => {
    const timeline = await list(reader, query);
    expect(timeline.items).toHaveLength(count);
    expect(timeline.summary.overall.total).toBe(tallied);
  });

  it("refuses an unknown filter value naming it", async () => {
    const res = await reader.get("/timeline?standing=soon");
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["standing"]);
  });

  it("exports the filtered timeline as XLSX with Italian headings and real dates", async () => {
    const res = await reader.get("/timeline/export.xlsx?area=A");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="cronoprogramma-2026-11-22.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Cronoprogramma");
    expect(sheet?.getRow(1).values).toEqual([undefined, ...TIMELINE_EXPORT_COLUMNS.map((c) => c.heading)]);
    expect(sheet?.rowCount).toBe(6);
    const late = sheet?.getRow(4);
    expect(late?.getCell(2).value).toBe("A.1 Coordinamento e monitoraggio");
    expect(late?.getCell(3).value).toBe("Traguardo");
    expect(late?.getCell(8).value).toEqual(new Date("2026-10-31T00:00:00Z"));
    expect(late?.getCell(12).value).toBe("Non iniziato");
    expect(late?.getCell(13).value).toBe("In ritardo");
    expect(late?.getCell(14).value).toBe(22);
  });

  it("exports CSV as Italian Excel opens it: BOM, semicolons, dd/mm/yyyy, formulas made inert", async () => {
    const writer = await fresh.loginAs("comune_admin");
    await created(
      await writer.post("/timeline", phase({ line: "B.1", ownerCode: "ETS-B1", title: "=SOMMA(1;2)" })),
    );
    const res = await reader.get("/timeline/export.csv?line=B.1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text, ";");
    expect(rows[0]).toEqual(TIMELINE_EXPORT_COLUMNS.map((c) => c.heading));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      "B",
      "B.1 Proposta di assegnazione per ambito",
      "Fase",
      "'=SOMMA(1;2)",
      "",
      "Cooperativa Fittizia Casa Aperta (demo)",
      "Ufficio tecnico",
      "01/03/2026",
      "28/02/2027",
      "",
      "",
      "Non iniziato",
      "In ritardo (avvio)",
      "266",
    ]);
  });

  it("refuses the exports to a role without timeline:read", async () => {
    const dpo = await fresh.loginAs("comune_data_protection");
    expect((await dpo.get("/timeline/export.csv")).status).toBe(403);
    expect((await dpo.get("/timeline")).status).toBe(403);
  });
});
