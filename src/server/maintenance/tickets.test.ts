// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TicketList } from "../../domain/maintenance/ticket.schema.ts";
import { auditEvents, maintenanceTickets, ticketEvents, ticketPhotos } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import {
  housedTenant,
  JPEG,
  openedTicket,
  PNG,
  pathsOf,
  photoFile,
  problemOf,
  ticketOf,
  WEBP,
} from "./maintenance-fixtures.ts";

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let educator: TestClient;
let auditor: TestClient;
let otherManager: TestClient;
let socialWorker: TestClient;
let startedAt: Date;

beforeAll(async () => {
  ctx = await createTestContext();
  startedAt = ctx.clock.now;
  admin = await ctx.loginAs("comune_admin");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  auditor = await ctx.loginAs("auditor");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  socialWorker = await ctx.loginAs("comune_social_worker");
});
afterAll(() => ctx.close());
afterEach(() => {
  ctx.clock.now = startedAt;
});

const HOUR = 3_600_000;
const listOf = async (client: TestClient, query = "") => {
  const res = await client.get(`/maintenance/tickets${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TicketList;
};
const ticketsWritten = async () => (await ctx.db.select().from(maintenanceTickets)).length;

/**
 * Move a ticket `hours` into the past, as the owner: moving the clock instead would end every
 * session (30 minutes idle).
 */
async function backdate(ticketId: string, hours: number) {
  const [row] = await ctx.db.select().from(maintenanceTickets).where(eq(maintenanceTickets.id, ticketId));
  if (row === undefined) throw new Error("no such ticket");
  await ctx.db
    .update(maintenanceTickets)
    .set({
      createdAt: new Date(row.createdAt.getTime() - hours * HOUR),
      dueAt: new Date(row.dueAt.getTime() - hours * HOUR),
    })
    .where(eq(maintenanceTickets.id, ticketId));
}

describe("opening a ticket", () => {
  it("opens it on the unit, due by its urgency, with the first line of its history", async () => {
    const unit = await ctx.newUnit();
    const ticket = await openedTicket(manager, {
      unitId: unit.code,
      urgency: "emergency",
      assignee: "Idraulica Prova Srl",
    });
    expect(ticket).toMatchObject({
      unit: { id: unit.id, code: unit.code },
      tenancy: null,
      category: "plumbing",
      urgency: "emergency",
      status: "open",
      overdue: false,
      assignee: "Idraulica Prova Srl",
      openedByTenant: false,
      version: 1,
      photos: [],
    });
    expect(ticket.reference).toMatch(/^MAN-\d{4}-\d{5}$/);
    expect(ticket.createdAt).toBe(ctx.clock.now.toISOString());
    expect(ticket.dueAt).toBe(new Date(ctx.clock.now.getTime() + 24 * HOUR).toISOString());
    expect(ticket.history).toMatchObject([{ fromStatus: null, toStatus: "open", note: "" }]);
    expect(ticket.allowedTransitions).toEqual([
      { to: "in_progress", reasonRequired: false },
      { to: "deferred", reasonRequired: true },
      { to: "declined", reasonRequired: true },
    ]);
    // Found again by id and by reference; an educator (who opens but does not manage) sees no moves.
    const byReference = await educator.get(`/maintenance/tickets/${ticket.reference}`);
    expect(byReference.status).toBe(200);
    expect(await ticketOf(byReference)).toMatchObject({ id: ticket.id, allowedTransitions: [] });
  });

  it.each([
    ["urgent", 72],
    ["routine", 720],
  ] as const)("a %s ticket is due in %i hours", async (urgency, hours) => {
    const ticket = await openedTicket(admin, { unitId: (await ctx.newUnit()).id, urgency });
    expect(Date.parse(ticket.dueAt) - Date.parse(ticket.createdAt)).toBe(hours * HOUR);
  });

  it("links the unit's active tenancy by default, and so its tenant follows it", async () => {
    const { unit, tenancy, tenant } = await housedTenant(ctx, manager);
    const ticket = await openedTicket(manager, { unitId: unit.id });
    expect(ticket.tenancy).toEqual({ id: tenancy.id, reference: tenancy.reference });
    expect((await tenant.get(`/portal/tickets/${ticket.id}`)).status).toBe(200);
  });

  it.each([
    ["an unknown category", { category: "roof" }, 400, ["category"]],
    ["no urgency", { urgency: undefined }, 400, ["urgency"]],
    ["a title too short", { title: "x" }, 400, ["title"]],
    ["no description", { description: "" }, 400, ["description"]],
    ["no unit", { unitId: "" }, 400, ["unitId"]],
    ["a tenancy that is not an id", { tenancyId: "LOC-1" }, 400, ["tenancyId"]],
  ])("refuses %s, naming the field, and writes nothing", async (_name, change, status, paths) => {
    const before = await ticketsWritten();
    const unit = await ctx.newUnit();
    const res = await manager.post("/maintenance/tickets", {
      unitId: unit.id,
      category: "plumbing",
      urgency: "urgent",
      title: "Perdita",
      description: "Una descrizione di prova abbastanza lunga.",
      ...change,
    });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await pathsOf(res)).toEqual(paths);
    expect(await ticketsWritten()).toBe(before);
  });

  it("refuses a unit that does not exist or that the partner does not manage (422 naming unitId)", async () => {
    const base = {
      category: "heating",
      urgency: "routine",
      title: "Termosifone freddo",
      description: "Il termosifone del bagno resta freddo.",
    };
    const missing = await manager.post("/maintenance/tickets", { ...base, unitId: "NO-SUCH-UNIT" });
    expect(missing.status).toBe(422);
    expect(await problemOf(missing)).toMatchObject({
      errors: [{ path: "unitId", message: 'No unit "NO-SUCH-UNIT"' }],
    });
    const othersUnit = await ctx.newUnit();
    const res = await otherManager.post("/maintenance/tickets", { ...base, unitId: othersUnit.id });
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["unitId"]);
  });

  it("refuses a tenancy of another unit (422 naming tenancyId)", async () => {
    const { tenancy } = await housedTenant(ctx, manager);
    const res = await manager.post("/maintenance/tickets", {
      unitId: (await ctx.newUnit()).id,
      tenancyId: tenancy.id,
      category: "electrical",
      urgency: "urgent",
      title: "Presa bruciata",
      description: "La presa del soggiorno ha fatto scintille (prova).",
    });
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      errors: [{ path: "tenancyId", message: "The tenancy is not of this unit" }],
    });
  });

  it("is for the roles that open tickets: an auditor or a social worker may not", async () => {
    const unit = await ctx.newUnit();
    const body = {
      unitId: unit.id,
      category: "pests",
      urgency: "routine",
      title: "Formiche",
      description: "Formiche in cucina (prova di permessi).",
    };
    expect((await auditor.post("/maintenance/tickets", body)).status).toBe(403);
    expect((await socialWorker.post("/maintenance/tickets", body)).status).toBe(403);
    expect((await socialWorker.get("/maintenance/tickets")).status).toBe(403);
    expect((await ctx.anonymous.get("/maintenance/tickets")).status).toBe(401);
  });
});

describe("the ticket list", () => {
  let unit: { id: string; code: string };
  let emergency: string;
  let routine: string;
  let otherPartners: string;
  beforeAll(async () => {
    unit = await ctx.newUnit();
    emergency = (
      await openedTicket(manager, {
        unitId: unit.id,
        urgency: "emergency",
        title: "Cortocircuito quadro",
        category: "electrical",
      })
    ).id;
    routine = (
      await openedTicket(manager, {
        unitId: unit.id,
        urgency: "routine",
        title: "Maniglia allentata",
        category: "doors_windows",
        assignee: "Falegnameria Fittizia",
      })
    ).id;
    const b2Unit = await ctx.newUnit({ managingPartnerCode: "ETS-B2", category: "fragilita" });
    otherPartners = (await openedTicket(otherManager, { unitId: b2Unit.id, title: "Muffa in camera" })).id;
  });
  const idsOf = (list: TicketList) => list.items.map((t) => t.id);

  it("filters by unit, urgency, category, status and words", async () => {
    expect(idsOf(await listOf(manager, `?unit=${unit.code}&sort=urgency`))).toEqual([emergency, routine]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&urgency=routine`))).toEqual([routine]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&category=electrical`))).toEqual([emergency]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&q=falegnameria`))).toEqual([routine]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&q=CORTO`))).toEqual([emergency]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&status=in_progress`))).toEqual([]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&state=active`))).toHaveLength(2);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&state=finished`))).toEqual([]);
  });

  it("shows what is overdue, by the clock, and filters on it", async () => {
    const now = await listOf(manager, `?unit=${unit.id}&overdue=true`);
    expect(now).toEqual({ items: [], total: 0 });
    // Opened 25 hours ago: the emergency is overdue, the routine ticket not yet.
    await backdate(emergency, 25);
    await backdate(routine, 25);
    const later = await listOf(manager, `?unit=${unit.id}&overdue=true`);
    expect(idsOf(later)).toEqual([emergency]);
    expect(later.items[0]?.overdue).toBe(true);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&overdue=false`))).toEqual([routine]);
  });

  it("pages with a total, sorted by deadline by default", async () => {
    const page = await listOf(manager, `?unit=${unit.id}&limit=1`);
    expect(page.total).toBe(2);
    expect(idsOf(page)).toEqual([emergency]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&limit=1&offset=1`))).toEqual([routine]);
    expect(idsOf(await listOf(manager, `?unit=${unit.id}&sort=-dueAt`))).toEqual([routine, emergency]);
  });

  it("refuses bad filters, naming each", async () => {
    const res = await manager.get(
      "/maintenance/tickets?status=done&urgency=now&overdue=maybe&limit=0&sort=colour",
    );
    expect(res.status).toBe(400);
    expect((await pathsOf(res)).sort()).toEqual(["limit", "overdue", "sort", "status", "urgency"]);
  });

  it("gives partner B2 none of B1's tickets, and B1 none of B2's; the Comune sees both", async () => {
    const b2 = idsOf(await listOf(otherManager, "?limit=500"));
    expect(b2).toContain(otherPartners);
    expect(b2).not.toContain(emergency);
    const b1 = idsOf(await listOf(manager, "?limit=500"));
    expect(b1).not.toContain(otherPartners);
    const all = idsOf(await listOf(auditor, "?limit=500"));
    expect(all).toEqual(expect.arrayContaining([emergency, routine, otherPartners]));
    for (const [path, body] of [
      [`/maintenance/tickets/${emergency}`, undefined],
      [`/maintenance/tickets/${emergency}/transitions`, { to: "in_progress" }],
    ] as const) {
      const res = body === undefined ? await otherManager.get(path) : await otherManager.post(path, body);
      expect(res.status).toBe(404);
    }
    expect(
      (await otherManager.patch(`/maintenance/tickets/${emergency}`, { version: 1, assignee: "Altro" }))
        .status,
    ).toBe(404);
    expect(
      (await otherManager.upload(`/maintenance/tickets/${emergency}/photos`, photoFile(PNG()))).status,
    ).toBe(404);
  });
});

describe("assigning and changing the urgency", () => {
  it("sets the assignee and, with a new urgency, the deadline counted from the opening", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id, urgency: "routine" });
    ctx.clock.now = new Date(startedAt.getTime() + 10 * 60_000);
    const res = await manager.patch(`/maintenance/tickets/${ticket.id}`, {
      version: 1,
      assignee: "Termoidraulica Immaginaria",
      urgency: "emergency",
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const changed = await ticketOf(res);
    expect(changed).toMatchObject({
      assignee: "Termoidraulica Immaginaria",
      urgency: "emergency",
      version: 2,
    });
    expect(changed.dueAt).toBe(new Date(startedAt.getTime() + 24 * HOUR).toISOString());
    expect(changed.updatedAt).toBe(ctx.clock.now.toISOString());

    // A deadline set by hand; one in the past is refused.
    const due = new Date(startedAt.getTime() + 48 * HOUR).toISOString();
    const manual = await manager.patch(`/maintenance/tickets/${ticket.id}`, { version: 2, dueAt: due });
    expect((await ticketOf(manual)).dueAt).toBe(due);
    const past = await manager.patch(`/maintenance/tickets/${ticket.id}`, {
      version: 3,
      dueAt: "2026-01-01T00:00:00Z",
    });
    expect(past.status).toBe(422);
    expect(await pathsOf(past)).toEqual(["dueAt"]);
  });

  it("refuses a stale version with 409 naming it, and changes nothing", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    expect(
      (await manager.patch(`/maintenance/tickets/${ticket.id}`, { version: 1, assignee: "Prima" })).status,
    ).toBe(200);
    const stale = await admin.patch(`/maintenance/tickets/${ticket.id}`, { version: 1, assignee: "Seconda" });
    expect(stale.status).toBe(409);
    expect(await problemOf(stale)).toMatchObject({
      errors: [
        {
          path: "version",
          message: "The ticket was changed by someone else (version 2, you sent 1); reload it and retry",
        },
      ],
    });
    expect((await ticketOf(await manager.get(`/maintenance/tickets/${ticket.id}`))).assignee).toBe("Prima");
  });

  it.each([
    ["nothing to change", { version: 1 }, ["assignee"]],
    ["no version", { assignee: "X" }, ["version"]],
    ["an unknown urgency", { version: 1, urgency: "asap" }, ["urgency"]],
    ["a deadline that is not a date and time", { version: 1, dueAt: "domani" }, ["dueAt"]],
  ])("refuses %s (400 naming the field)", async (_name, body, paths) => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const res = await manager.patch(`/maintenance/tickets/${ticket.id}`, body);
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(paths);
  });

  it("is for who manages tickets: not an educator nor an auditor", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    expect(
      (await educator.patch(`/maintenance/tickets/${ticket.id}`, { version: 1, assignee: "X" })).status,
    ).toBe(403);
    expect(
      (await auditor.post(`/maintenance/tickets/${ticket.id}/transitions`, { to: "in_progress" })).status,
    ).toBe(403);
  });
});

describe("moving a ticket through its statuses", () => {
  const move = (client: TestClient, id: string, to: string, reason?: string) =>
    client.post(`/maintenance/tickets/${id}/transitions`, reason === undefined ? { to } : { to, reason });

  it("goes open → in progress → completed → closed, each step in its history", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    for (const to of ["in_progress", "completed", "closed"]) {
      const res = await move(manager, ticket.id, to);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const closed = await ticketOf(await manager.get(`/maintenance/tickets/${ticket.id}`));
    expect(closed).toMatchObject({ status: "closed", version: 4, overdue: false });
    expect(closed.history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, "open"],
      ["open", "in_progress"],
      ["in_progress", "completed"],
      ["completed", "closed"],
    ]);
    expect(closed.history[1]?.actorName).toMatch(/^Test area_b_manager/);
    expect(closed.allowedTransitions).toEqual([{ to: "in_progress", reasonRequired: true }]);
    // A closed ticket takes no changes but a reopening.
    expect(
      (await manager.patch(`/maintenance/tickets/${ticket.id}`, { version: 4, assignee: "X" })).status,
    ).toBe(409);
  });

  it.each([
    ["deferring", [], "deferred"],
    ["declining", [], "declined"],
    ["reopening a completed ticket", ["in_progress", "completed"], "in_progress"],
    ["reopening a declined ticket", [["declined", "Non di competenza"]], "open"],
  ] as const)("needs a reason for %s (422 naming reason), then takes it", async (_name, before, to) => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    for (const step of before) {
      const [status, reason] = typeof step === "string" ? [step, undefined] : step;
      expect((await move(manager, ticket.id, status, reason)).status).toBe(200);
    }
    const missing = await move(manager, ticket.id, to);
    expect(missing.status).toBe(422);
    expect(await problemOf(missing)).toMatchObject({
      errors: [{ path: "reason", message: "Say why (at least 3 characters): the tenant will read it" }],
    });
    expect((await move(manager, ticket.id, to, "  ")).status).toBe(422);
    const res = await move(manager, ticket.id, to, "Materiale in arrivo la prossima settimana");
    expect(res.status).toBe(200);
    const moved = await ticketOf(res);
    expect(moved).toMatchObject({ status: to, statusReason: "Materiale in arrivo la prossima settimana" });
    expect(moved.history.at(-1)).toMatchObject({
      toStatus: to,
      note: "Materiale in arrivo la prossima settimana",
    });
  });

  it("refuses a move that is not allowed (409 naming to) or an unknown status (400)", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const skip = await move(manager, ticket.id, "closed");
    expect(skip.status).toBe(409);
    expect(await problemOf(skip)).toMatchObject({
      errors: [{ path: "to", message: "A ticket cannot go from open to closed" }],
    });
    const unknown = await move(manager, ticket.id, "done");
    expect(unknown.status).toBe(400);
    expect(await pathsOf(unknown)).toEqual(["to"]);
    const events = await ctx.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events).toHaveLength(1);
  });

  it("refuses a stale version when one is sent", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    expect(
      (await manager.post(`/maintenance/tickets/${ticket.id}/transitions`, { to: "in_progress", version: 1 }))
        .status,
    ).toBe(200);
    const stale = await manager.post(`/maintenance/tickets/${ticket.id}/transitions`, {
      to: "completed",
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(await pathsOf(stale)).toEqual(["version"]);
  });

  it("leaves a finished ticket off the overdue list", async () => {
    const unit = await ctx.newUnit();
    const ticket = await openedTicket(manager, { unitId: unit.id, urgency: "emergency" });
    await move(manager, ticket.id, "in_progress");
    await move(manager, ticket.id, "completed");
    await backdate(ticket.id, 48);
    expect((await listOf(manager, `?unit=${unit.id}&overdue=true`)).total).toBe(0);
  });
});

describe("photos", () => {
  it("adds JPEG, PNG and WebP images, lists them and serves them back", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const uploads = [
      [PNG(), "lavello.png", "image/png"],
      [JPEG(), "muro.jpg", "image/jpeg"],
      [WEBP(), "tubo.webp", "image/webp"],
    ] as const;
    for (const [bytes, name, type] of uploads) {
      ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
      const res = await educator.upload(
        `/maintenance/tickets/${ticket.id}/photos`,
        photoFile(bytes, name, type),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await res.json()).toMatchObject({ fileName: name, contentType: type, sizeBytes: bytes.length });
    }
    const detail = await ticketOf(await manager.get(`/maintenance/tickets/${ticket.id}`));
    expect(detail.photoCount).toBe(3);
    expect(detail.photos.map((p) => p.fileName)).toEqual(["lavello.png", "muro.jpg", "tubo.webp"]);
    const image = await auditor.get(`/maintenance/tickets/${ticket.id}/photos/${detail.photos[0]?.id}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG());
    expect(
      (await manager.get(`/maintenance/tickets/${ticket.id}/photos/00000000-0000-4000-8000-000000000000`))
        .status,
    ).toBe(404);
  });

  it("keeps the type the content shows, not the one declared", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const res = await manager.upload(
      `/maintenance/tickets/${ticket.id}/photos`,
      photoFile(JPEG(), "foto.png", "image/png"),
    );
    expect(await res.json()).toMatchObject({ contentType: "image/jpeg" });
  });

  it.each([
    [
      "text dressed as a PNG",
      () => photoFile(new TextEncoder().encode("not an image, just text"), "finta.png"),
      422,
    ],
    [
      "a PDF",
      () => photoFile(new TextEncoder().encode("%PDF-1.7\n fictional"), "doc.pdf", "application/pdf"),
      422,
    ],
    ["an empty file", () => photoFile(new Uint8Array(0)), 422],
    ["a photo over 5 MB", () => photoFile(PNG(5 * 1024 * 1024 + 1)), 413],
  ] as const)("refuses %s, naming file, and stores nothing", async (_name, file, status) => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const res = await manager.upload(`/maintenance/tickets/${ticket.id}/photos`, file());
    expect(res.status).toBe(status);
    expect(await pathsOf(res)).toEqual(["file"]);
    expect(await ctx.db.select().from(ticketPhotos).where(eq(ticketPhotos.ticketId, ticket.id))).toEqual([]);
  });

  it("accepts a photo of exactly 5 MB", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const res = await manager.upload(
      `/maintenance/tickets/${ticket.id}/photos`,
      photoFile(PNG(5 * 1024 * 1024)),
    );
    expect(res.status).toBe(201);
  });

  it("refuses a request without a file, naming it", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const form = new FormData();
    form.set("photo", "not a file");
    const res = await manager.request("POST", `/maintenance/tickets/${ticket.id}/photos`, form);
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["file"]);
  });

  it("takes at most 6 photos per ticket, and none once it is closed", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    const url = `/maintenance/tickets/${ticket.id}/photos`;
    const answers = await Promise.all(Array.from({ length: 7 }, () => manager.upload(url, photoFile(PNG()))));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 201, 422]);
    const refused = answers.find((r) => r.status === 422) as Response;
    expect(await problemOf(refused)).toMatchObject({
      errors: [{ path: "file", message: "A ticket may have at most 6 photos" }],
    });

    const other = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    await manager.post(`/maintenance/tickets/${other.id}/transitions`, {
      to: "declined",
      reason: "Doppione",
    });
    const closed = await manager.upload(`/maintenance/tickets/${other.id}/photos`, photoFile(PNG()));
    expect(closed.status).toBe(409);
    expect(await pathsOf(closed)).toEqual(["file"]);
  });
});

describe("the audit trail", () => {
  it("records each change under the ticket, reads not (tickets are not special-category)", async () => {
    const ticket = await openedTicket(manager, { unitId: (await ctx.newUnit()).id });
    await manager.get(`/maintenance/tickets/${ticket.reference}`);
    await manager.post(`/maintenance/tickets/${ticket.reference}/transitions`, { to: "in_progress" });
    const rows = await ctx.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "maintenance_tickets"), eq(auditEvents.entityId, ticket.id)));
    expect(rows).toEqual([
      { action: "POST /maintenance/tickets", outcome: "success" },
      { action: "POST /maintenance/tickets/{id}/transitions", outcome: "success" },
    ]);
  });
});

describe("the API document", () => {
  it("refuses every maintenance operation to an anonymous caller with 401", async () => {
    const doc = (await (await ctx.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => /^\/(maintenance|portal\/tickets)\/?|\/move-in$/.test(path))
      .flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    expect(operations).toHaveLength(14);
    for (const op of operations) {
      const path = op.path.replace("{id}", "MAN-2026-00001").replace("{photoId}", "x");
      const res = await ctx.anonymous.request(op.method, path, op.method === "GET" ? undefined : {});
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it("lists the maintenance routes with their permissions", async () => {
    const doc = (await (await ctx.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { "x-permission"?: string }>>;
    };
    expect(doc.paths["/maintenance/tickets"]?.get?.["x-permission"]).toBe("maintenance:read");
    expect(doc.paths["/maintenance/tickets"]?.post?.["x-permission"]).toBe("maintenance:open");
    expect(doc.paths["/maintenance/tickets/{id}"]?.patch?.["x-permission"]).toBe("maintenance:manage");
    expect(doc.paths["/maintenance/tickets/{id}/transitions"]?.post?.["x-permission"]).toBe(
      "maintenance:manage",
    );
    expect(doc.paths["/portal/tickets"]?.post?.["x-permission"]).toBe("portal:use");
    expect(doc.paths["/tenancies/{id}/move-in"]?.put?.["x-permission"]).toBe("tenancies:write");
  });
});
