// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  SpaceView,
  WelfareOverview,
  WelfareServiceView,
} from "../../domain/welfare/welfare-api.schema.ts";
import { buildings } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22.
let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let otherManager: TestClient;
let educator: TestClient;
let auditor: TestClient;

async function expectStatus<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}
const pathsOf = async (res: Response) =>
  ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.db.insert(buildings).values([
    { code: "MI3-B001", address: "Via dei Glicini 1 (demo)", town: "Milano", municipio: 3 },
    { code: "RHO-B001", address: "Via delle Rose 2 (demo)", town: "Rho", municipio: null },
  ]);
  admin = await ctx.loginAs("comune_admin");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  auditor = await ctx.loginAs("auditor");
});
afterAll(() => ctx.close());

describe("shared services and their activities", () => {
  it("place a building's service where the building is, and count participation without names", async () => {
    const concierge = await expectStatus<WelfareServiceView>(
      await manager.post("/welfare/services", {
        kind: "social_concierge",
        name: "Portierato sociale Glicini",
        buildingCode: "MI3-B001",
        town: "Milano",
        municipio: 3,
        startedOn: "2026-03-01",
      }),
      201,
    );
    expect(concierge).toMatchObject({ organisationCode: "ETS-B1", municipio: 3, editable: true });
    const wrongPlace = await manager.post("/welfare/services", {
      kind: "condominium_library",
      name: "Biblioteca di condominio",
      buildingCode: "MI3-B001",
      town: "Milano",
      municipio: 4,
      startedOn: "2026-03-01",
    });
    expect(wrongPlace.status).toBe(422);
    expect(await pathsOf(wrongPlace)).toEqual(["town"]);
    const afterSchool = await expectStatus<WelfareServiceView>(
      await admin.post("/welfare/services", {
        kind: "after_school",
        name: "Doposcuola di quartiere",
        town: "Rho",
        organisationCode: "ETS-B2",
        startedOn: "2026-09-15",
      }),
      201,
    );
    expect(afterSchool).toMatchObject({ organisationCode: "ETS-B2", buildingCode: null, municipio: null });
    // A partner records its own organisation's services only.
    const forOther = await manager.post("/welfare/services", {
      kind: "home_delivery",
      name: "Spesa a domicilio",
      town: "Milano",
      municipio: 3,
      organisationCode: "ETS-B2",
      startedOn: "2026-03-01",
    });
    expect(forOther.status).toBe(422);
    expect(await pathsOf(forOther)).toEqual(["organisationCode"]);

    for (const [title, heldOn, participants, residents] of [
      ["Merenda in cortile", "2026-05-10", 24, 15],
      ["Sportello di quartiere", "2026-06-14", 11, 4],
    ] as const) {
      await expectStatus(
        await educator.post(`/welfare/services/${concierge.id}/activities`, {
          title,
          heldOn,
          participants,
          residents,
        }),
        201,
      );
    }
    const early = await educator.post(`/welfare/services/${concierge.id}/activities`, {
      title: "Prima dell'avvio",
      heldOn: "2026-02-01",
      participants: 3,
    });
    expect(early.status).toBe(422);
    expect(await pathsOf(early)).toEqual(["heldOn"]);
    expect(
      (
        await otherManager.post(`/welfare/services/${concierge.id}/activities`, {
          title: "Attività di un altro ente",
          heldOn: "2026-07-01",
          participants: 3,
        })
      ).status,
    ).toBe(403);
    await expectStatus(
      await otherManager.post(`/welfare/services/${afterSchool.id}/activities`, {
        title: "Compiti insieme",
        heldOn: "2026-10-06",
        participants: 9,
        residents: 9,
      }),
      201,
    );

    const overview = await expectStatus<WelfareOverview>(await auditor.get("/welfare"), 200);
    expect(overview.participation).toEqual([
      { kind: "after_school", place: "Rho", activities: 1, participants: 9, residents: 9 },
      { kind: "social_concierge", place: "municipio_3", activities: 2, participants: 35, residents: 19 },
    ]);
    expect(overview.services.find((s) => s.id === concierge.id)?.editable).toBe(false);
    // Counts only: no activity carries anyone's name.
    expect(JSON.stringify(overview.services.flatMap((s) => s.activities.map(Object.keys)))).not.toMatch(
      /name|person/,
    );
  });
});

describe("common spaces, their rules and bookings", () => {
  it("books a common space without overlaps, and records non-residential spaces and their use", async () => {
    const room = await expectStatus<SpaceView>(
      await manager.post("/welfare/spaces", {
        buildingCode: "MI3-B001",
        name: "Sala comune",
        kind: "common",
        capacity: 30,
        bookable: true,
        rules: "Prenotazione almeno 2 giorni prima; pulizia a cura di chi la usa; silenzio dopo le 22.",
      }),
      201,
    );
    expect(room).toMatchObject({ municipio: 3, town: "Milano", bookable: true });
    const shop = await expectStatus<SpaceView>(
      await admin.post("/welfare/spaces", {
        buildingCode: "MI3-B001",
        name: "Locale al piano terra",
        kind: "non_residential",
        use: "Laboratorio di riparazione biciclette (associazione, demo)",
        surfaceM2: 42.5,
      }),
      201,
    );
    expect(shop).toMatchObject({ kind: "non_residential", bookable: false, organisationCode: "COMUNE-MI" });
    const twin = await manager.post("/welfare/spaces", {
      buildingCode: "MI3-B001",
      name: "Sala comune",
      kind: "common",
    });
    expect(twin.status).toBe(409);
    expect(await pathsOf(twin)).toEqual(["name"]);
    const noBuilding = await manager.post("/welfare/spaces", {
      buildingCode: "NONE-1",
      name: "Sala",
      kind: "common",
    });
    expect(noBuilding.status).toBe(422);
    expect(await pathsOf(noBuilding)).toEqual(["buildingCode"]);

    const path = `/welfare/spaces/${room.id}/bookings`;
    const booked = await expectStatus<SpaceView>(
      await educator.post(path, {
        bookedFor: "2026-12-01",
        fromTime: "18:00",
        toTime: "20:00",
        purpose: "Assemblea dei residenti",
      }),
      201,
    );
    const clash = await educator.post(path, {
      bookedFor: "2026-12-01",
      fromTime: "19:30",
      toTime: "21:00",
      purpose: "Corso di cucina",
    });
    expect(clash.status).toBe(409);
    expect((await clash.json()) as unknown).toMatchObject({
      errors: [{ path: "fromTime", message: "Sala comune is booked from 18:00 to 20:00 that day" }],
    });
    await expectStatus(
      await educator.post(path, {
        bookedFor: "2026-12-01",
        fromTime: "20:00",
        toTime: "22:00",
        purpose: "Corso di cucina",
      }),
      201,
    );
    const past = await educator.post(path, {
      bookedFor: "2026-11-21",
      fromTime: "10:00",
      toTime: "11:00",
      purpose: "Ieri",
    });
    expect(past.status).toBe(422);
    expect(await pathsOf(past)).toEqual(["bookedFor"]);
    const notBookable = await admin.post(`/welfare/spaces/${shop.id}/bookings`, {
      bookedFor: "2026-12-02",
      fromTime: "10:00",
      toTime: "11:00",
      purpose: "Riunione",
    });
    expect(notBookable.status).toBe(409);
    expect(
      (
        await otherManager.post(path, {
          bookedFor: "2026-12-03",
          fromTime: "10:00",
          toTime: "11:00",
          purpose: "Altro ente",
        })
      ).status,
    ).toBe(403);

    // Cancelled, its hours are free again.
    const first = booked.bookings[0];
    const cancelled = await expectStatus<SpaceView>(
      await manager.post(`/welfare/bookings/${first?.id}/cancel`),
      200,
    );
    expect(cancelled.bookings.map((b) => [b.fromTime, b.status])).toEqual([
      ["18:00", "cancelled"],
      ["20:00", "booked"],
    ]);
    await expectStatus(
      await educator.post(path, {
        bookedFor: "2026-12-01",
        fromTime: "19:00",
        toTime: "20:00",
        purpose: "Prove del coro",
      }),
      201,
    );
    expect(
      (
        await auditor.post(path, {
          bookedFor: "2026-12-05",
          fromTime: "10:00",
          toTime: "11:00",
          purpose: "Visita",
        })
      ).status,
    ).toBe(403);
  });
});
