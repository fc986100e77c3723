// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketList } from "../../domain/maintenance/ticket.schema.ts";
import { maintenanceTickets, tenancies } from "../db/schema.ts";
import { acceptedHousehold } from "../support-plans/care-fixtures.ts";
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
} from "./maintenance-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let otherManager: TestClient;
/** A tenant of ETS-B1 with an active tenancy, and one of ETS-B2. */
let home: Awaited<ReturnType<typeof housedTenant>>;
let neighbour: Awaited<ReturnType<typeof housedTenant>>;

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  home = await housedTenant(ctx, manager, "ETS-B1");
  neighbour = await housedTenant(ctx, otherManager, "ETS-B2");
});
afterAll(() => ctx.close());

const report = {
  category: "heating",
  urgency: "urgent",
  description: "Il termosifone della camera non si scalda da ieri sera.\nLa caldaia sembra accesa.",
};
const ticketCount = async () => (await ctx.db.select().from(maintenanceTickets)).length;
const portalList = async (client: TestClient) => {
  const res = await client.get("/portal/tickets");
  expect(res.status).toBe(200);
  return (await res.json()) as TicketList;
};

describe("a tenant opens a ticket and follows it", () => {
  it("opens it on the home of their active tenancy, titled from the description", async () => {
    const res = await home.tenant.post("/portal/tickets", report);
    expect(res.status, await res.clone().text()).toBe(201);
    const ticket = await ticketOf(res);
    expect(ticket).toMatchObject({
      unit: { id: home.unit.id, code: home.unit.code },
      tenancy: { id: home.tenancy.id, reference: home.tenancy.reference },
      category: "heating",
      urgency: "urgent",
      title: "Il termosifone della camera non si scalda da ieri sera.",
      status: "open",
      openedByTenant: true,
      allowedTransitions: [],
    });
    expect(ticket.dueAt).toBe(new Date(ctx.clock.now.getTime() + 72 * 3_600_000).toISOString());
    // Their own name shows in the history; they see it in their list.
    expect(ticket.history).toMatchObject([
      { toStatus: "open", actorName: expect.stringMatching(/^Test tenant/) },
    ]);
    expect((await portalList(home.tenant)).items.map((t) => t.id)).toContain(ticket.id);

    // The managing partner sees it, moves it with a reason; the tenant reads the reason.
    const staff = await manager.get(`/maintenance/tickets/${ticket.id}`);
    expect(await ticketOf(staff)).toMatchObject({
      openedByTenant: true,
      openedBy: expect.stringMatching(/^Test tenant/),
    });
    expect(
      (await manager.post(`/maintenance/tickets/${ticket.id}/transitions`, { to: "in_progress" })).status,
    ).toBe(200);
    const deferred = await manager.post(`/maintenance/tickets/${ticket.id}/transitions`, {
      to: "deferred",
      reason: "Il tecnico passa lunedì mattina",
    });
    expect(deferred.status).toBe(200);
    const followed = await ticketOf(await home.tenant.get(`/portal/tickets/${ticket.reference}`));
    expect(followed).toMatchObject({ status: "deferred", statusReason: "Il tecnico passa lunedì mattina" });
    expect(followed.history.map((e) => [e.toStatus, e.note])).toEqual([
      ["open", ""],
      ["in_progress", ""],
      ["deferred", "Il tecnico passa lunedì mattina"],
    ]);
    // Staff names stay with staff: the tenant does not read other accounts.
    expect(followed.history[2]?.actorName).toBeNull();
  });

  it("keeps a title the tenant gives", async () => {
    const res = await home.tenant.post("/portal/tickets", { ...report, title: "Termosifone freddo" });
    expect((await ticketOf(res)).title).toBe("Termosifone freddo");
  });

  it.each([
    ["an unknown category", { category: "roof" }, ["category"]],
    ["no urgency", { urgency: undefined }, ["urgency"]],
    ["a description too short", { description: "rotto" }, ["description"]],
    ["someone else's unit", { unitId: "T-00001" }, ["unitId"]],
    ["a tenancy", { tenancyId: "00000000-0000-4000-8000-000000000000" }, ["tenancyId"]],
  ])("refuses %s, naming the field, and writes nothing", async (_name, change, paths) => {
    const before = await ticketCount();
    const res = await home.tenant.post("/portal/tickets", { ...report, ...change });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(paths);
    expect(await ticketCount()).toBe(before);
  });

  it("cannot open a ticket on another unit through the staff routes", async () => {
    const res = await home.tenant.post("/maintenance/tickets", {
      ...report,
      unitId: neighbour.unit.id,
      title: "Prova",
    });
    expect(res.status).toBe(403);
  });

  it("cannot change a ticket: no PATCH, no transition, not even on their own", async () => {
    const ticket = await ticketOf(await home.tenant.post("/portal/tickets", report));
    expect(
      (await home.tenant.patch(`/maintenance/tickets/${ticket.id}`, { version: 1, assignee: "Io" })).status,
    ).toBe(403);
    expect(
      (await home.tenant.post(`/maintenance/tickets/${ticket.id}/transitions`, { to: "closed" })).status,
    ).toBe(403);
    expect((await home.tenant.get(`/maintenance/tickets/${ticket.id}`)).status).toBe(403);
    expect((await home.tenant.get("/maintenance/tickets")).status).toBe(403);
    // The row-level policy says no too, whatever a route might try.
    const refused = await ctx.database.scoped(
      {
        organisationId: "00000000-0000-0000-0000-000000000000",
        userId: null,
        sees: "tenant",
        householdId: home.household.id,
      },
      (db) =>
        db
          .update(maintenanceTickets)
          .set({ status: "closed" })
          .where(eq(maintenanceTickets.id, ticket.id))
          .returning(),
    );
    expect(refused).toEqual([]);
  });

  it("is refused with 422 naming tenancyId without an active tenancy", async () => {
    const household = await acceptedHousehold(ctx, manager);
    const tenant = await ctx.loginAs("tenant", "ETS-B1", household.id);
    const unit = await ctx.newUnit({ status: "let" });
    // An ended tenancy does not count.
    await ctx.db.insert(tenancies).values({
      unitId: unit.id,
      householdId: household.id,
      status: "ended",
      contractType: "calmierato",
      startOn: "2025-01-01",
      endOn: "2026-06-30",
      endedOn: "2026-06-30",
    });
    const before = await ticketCount();
    const res = await tenant.post("/portal/tickets", report);
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      errors: [{ path: "tenancyId", message: expect.stringMatching(/^You have no active tenancy/) }],
    });
    expect(await ticketCount()).toBe(before);
    // A tenant account without a household neither.
    const nobody = await ctx.loginAs("tenant", "ETS-B1");
    expect((await nobody.post("/portal/tickets", report)).status).toBe(422);
    expect(await portalList(nobody)).toEqual({ items: [], total: 0 });
  });
});

describe("what a tenant sees", () => {
  it("their own tickets, also those staff opened on their tenancy; never a neighbour's", async () => {
    const staffOpened = await openedTicket(manager, { unitId: home.unit.id, title: "Verifica caldaia" });
    const theirs = await ticketOf(await neighbour.tenant.post("/portal/tickets", report));
    const mine = (await portalList(home.tenant)).items.map((t) => t.id);
    expect(mine).toContain(staffOpened.id);
    expect(mine).not.toContain(theirs.id);
    expect((await home.tenant.get(`/portal/tickets/${theirs.id}`)).status).toBe(404);
    expect((await home.tenant.get(`/portal/tickets/${theirs.reference}`)).status).toBe(404);
    expect((await home.tenant.upload(`/portal/tickets/${theirs.id}/photos`, photoFile(PNG()))).status).toBe(
      404,
    );
    // Nor does the other partner's manager see the tenant's ticket.
    expect((await manager.get(`/maintenance/tickets/${theirs.id}`)).status).toBe(404);
  });

  it("filters and pages their list like the staff's", async () => {
    const list = await home.tenant.get("/portal/tickets?state=active&limit=1");
    expect(list.status).toBe(200);
    const page = (await list.json()) as TicketList;
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect((await home.tenant.get("/portal/tickets?status=done")).status).toBe(400);
  });

  it("the portal is the tenant's: staff get 403", async () => {
    expect((await manager.get("/portal/tickets")).status).toBe(403);
    expect((await manager.post("/portal/tickets", report)).status).toBe(403);
  });
});

describe("a tenant's photos", () => {
  it("adds photos to their ticket and sees them; staff see them too", async () => {
    const ticket = await ticketOf(await home.tenant.post("/portal/tickets", report));
    const res = await home.tenant.upload(
      `/portal/tickets/${ticket.id}/photos`,
      photoFile(JPEG(), "termosifone.jpg", "image/jpeg"),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const photo = (await res.json()) as { id: string };
    const image = await home.tenant.get(`/portal/tickets/${ticket.id}/photos/${photo.id}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const staffImage = await manager.get(`/maintenance/tickets/${ticket.id}/photos/${photo.id}`);
    expect(new Uint8Array(await staffImage.arrayBuffer())).toEqual(JPEG());
    expect((await ticketOf(await home.tenant.get(`/portal/tickets/${ticket.id}`))).photos).toHaveLength(1);
  });

  it("refuses what is not an image or is too big, naming file", async () => {
    const ticket = await ticketOf(await home.tenant.post("/portal/tickets", report));
    const text = await home.tenant.upload(
      `/portal/tickets/${ticket.id}/photos`,
      photoFile(new TextEncoder().encode("ciao"), "x.jpg", "image/jpeg"),
    );
    expect(text.status).toBe(422);
    expect(await pathsOf(text)).toEqual(["file"]);
    const big = await home.tenant.upload(
      `/portal/tickets/${ticket.id}/photos`,
      photoFile(PNG(6 * 1024 * 1024)),
    );
    expect(big.status).toBe(413);
  });
});
