// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ContactView,
  OfferView,
  OwnerDetail,
  OwnerList,
  OwnerSummaryView,
  OwnersSummary,
  SchemeList,
  SchemeView,
} from "../../domain/owners/owners-api.schema.ts";
import type { Unit } from "../../domain/units/unit.schema.ts";
import { auditEvents } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22. Every owner and place is fictional.
let ctx: TestContext;
let admin: TestClient;
let officer: TestClient;
let areaA: TestClient;
let board: TestClient;
let auditor: TestClient;
let manager: TestClient;
const owners: Record<string, OwnerSummaryView> = {};
let accepted: OfferView;
let declined: OfferView;
let rentFund: SchemeView;
let damageCover: SchemeView;

type Problem = { errors: { path: string; message: string }[] };
const pathsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.path);

async function expectStatus<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const offerInput = (overrides: Record<string, unknown> = {}) => ({
  address: "Via Fittizia dei Glicini 7, interno 3",
  town: "Milano",
  municipio: 4,
  surfaceM2: 58.5,
  rooms: 3,
  askedRentCents: 40_000,
  offeredOn: "2026-10-01",
  ...overrides,
});
const acceptance = (version: number, overrides: Record<string, unknown> = {}) => ({
  code: "PR-0001",
  category: "calmierato",
  managingPartnerCode: "ETS-B1",
  floor: 2,
  lift: true,
  bedrooms: 2,
  energyClass: "D",
  condition: "good",
  decidedOn: "2026-11-20",
  version,
  ...overrides,
});

async function newOffer(client: TestClient, ownerId: string, overrides: Record<string, unknown> = {}) {
  return expectStatus<OfferView>(await client.post(`/owners/${ownerId}/offers`, offerInput(overrides)), 201);
}
async function decide(client: TestClient, offer: OfferView, body: Record<string, unknown>) {
  return client.post(`/owner-offers/${offer.id}/decision`, {
    decidedOn: "2026-11-10",
    version: offer.version,
    ...body,
  });
}
async function reviewed(ownerId: string, overrides: Record<string, unknown> = {}) {
  const offer = await newOffer(officer, ownerId, overrides);
  return expectStatus<OfferView>(await decide(officer, offer, { status: "under_review" }), 200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  officer = await ctx.loginAs("comune_housing_officer");
  areaA = await ctx.loginAs("area_a");
  board = await ctx.loginAs("steering_board");
  auditor = await ctx.loginAs("auditor");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  const inputs = {
    individual: { kind: "individual", name: "Ada Esempio (demo)", town: "Milano", municipio: 4 },
    company: { kind: "company", name: "Immobiliare Fittizia S.r.l. (demo)", town: "milano", municipio: 1 },
    association: {
      kind: "association",
      name: "ANACI Milano (demo)",
      contact: "segreteria@anaci.demo.example",
      town: "Milano",
      notes: "Administrators of condominiums: a channel to many owners",
    },
    agency: { kind: "agency", name: "Agenzia Casa Prova (demo)", town: "Sesto San Giovanni" },
  };
  for (const [key, input] of Object.entries(inputs))
    owners[key] = await expectStatus<OwnerSummaryView>(await areaA.post("/owners", input), 201);
});
afterAll(() => ctx.close());

describe("owners and their contacts", () => {
  it("records owners of every kind, Milano spelt one way, an association among them", async () => {
    expect(owners.company?.town).toBe("Milano");
    expect(owners.association).toMatchObject({
      kind: "association",
      municipio: null,
      contacts: 0,
      offers: 0,
    });
    const list = await expectStatus<OwnerList>(await board.get("/owners"), 200);
    expect(list.asOf).toBe("2026-11-22");
    expect(list.owners.map((o) => o.kind).sort()).toEqual(["agency", "association", "company", "individual"]);
  });

  it.each([
    [{ kind: "individual", name: "Bruno Prova (demo)", town: "Rho", municipio: 2 }, "municipio"],
    [{ kind: "individual", name: "Bruno Prova (demo)", town: "Milano", municipio: 12 }, "municipio"],
    [{ kind: "landlord", name: "Bruno Prova (demo)", town: "Milano" }, "kind"],
    [{ kind: "individual", name: "", town: "Milano" }, "name"],
  ])("refuses owner %j with 400 naming %s", async (input, path) => {
    const res = await admin.post("/owners", input);
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toContain(path);
  });

  it("records contacts with their outcome and the organisation that made them, newest first", async () => {
    const association = owners.association as OwnerSummaryView;
    const first = await expectStatus<ContactView>(
      await areaA.post(`/owners/${association.id}/contacts`, {
        contactedOn: "2026-09-15",
        channel: "event",
        outcome: "interested",
        note: "Presentation of the programme to the administrators (demo)",
      }),
      201,
    );
    expect(first).toMatchObject({ channel: "event", outcome: "interested", organisationCode: "ETS-A" });
    await expectStatus(
      await officer.post(`/owners/${association.id}/contacts`, {
        contactedOn: "2026-10-20",
        channel: "meeting",
        outcome: "follow_up",
      }),
      201,
    );
    await expectStatus(
      await officer.post(`/owners/${owners.individual?.id}/contacts`, {
        contactedOn: "2026-09-30",
        channel: "phone",
        outcome: "unit_offered",
      }),
      201,
    );
    await expectStatus(
      await officer.post(`/owners/${owners.company?.id}/contacts`, {
        contactedOn: "2026-10-02",
        channel: "email",
        outcome: "not_interested",
      }),
      201,
    );
    const detail = await expectStatus<OwnerDetail>(await auditor.get(`/owners/${association.id}`), 200);
    expect(detail.contacts.map((c) => c.outcome)).toEqual(["follow_up", "interested"]);
    expect(detail.owner).toMatchObject({ contacts: 2, lastContactOn: "2026-10-20" });
  });

  it.each([
    [{ contactedOn: "2026-11-23", channel: "phone", outcome: "interested" }, 422, "contactedOn"],
    [{ contactedOn: "2026-11-01", channel: "fax", outcome: "interested" }, 400, "channel"],
    [{ contactedOn: "2026-11-01", channel: "phone", outcome: "maybe" }, 400, "outcome"],
  ])("refuses contact %j with %i naming %s", async (input, status, path) => {
    const res = await officer.post(`/owners/${owners.agency?.id}/contacts`, input);
    expect(res.status).toBe(status);
    expect(await pathsOf(res)).toContain(path);
  });

  it("changes an owner's details on the version read, and records who did in the audit trail", async () => {
    const agency = owners.agency as OwnerSummaryView;
    const changed = await expectStatus<OwnerSummaryView>(
      await officer.patch(`/owners/${agency.id}`, {
        contact: "  info@casaprova.demo.example ",
        town: "milano",
        municipio: 3,
        version: agency.version,
      }),
      200,
    );
    expect(changed).toMatchObject({
      kind: "agency",
      name: "Agenzia Casa Prova (demo)",
      contact: "info@casaprova.demo.example",
      town: "Milano",
      municipio: 3,
      version: agency.version + 1,
    });
    // Only the fields sent change: the place stays, the kind changes.
    const again = await expectStatus<OwnerSummaryView>(
      await areaA.patch(`/owners/${agency.id}`, {
        kind: "company",
        notes: "Now a company (demo)",
        version: 2,
      }),
      200,
    );
    expect(again).toMatchObject({ kind: "company", town: "Milano", municipio: 3, version: 3 });
    const list = await expectStatus<OwnerList>(await board.get("/owners"), 200);
    expect(list.owners.find((o) => o.id === agency.id)).toEqual(again);
    const rows = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "private_owner"), eq(auditEvents.entityId, agency.id)));
    expect(rows.filter((r) => r.action === "PATCH /owners/{id}").map((r) => r.outcome)).toEqual([
      "success",
      "success",
    ]);
    // Put back as it was, for the tests below.
    owners.agency = await expectStatus<OwnerSummaryView>(
      await officer.patch(`/owners/${agency.id}`, {
        kind: "agency",
        town: "Sesto San Giovanni",
        municipio: null,
        notes: "",
        version: 3,
      }),
      200,
    );
    expect(owners.agency).toMatchObject({ kind: "agency", municipio: null, version: 4 });
    // The same details again change nothing, not even the version.
    const unchanged = await expectStatus<OwnerSummaryView>(
      await officer.patch(`/owners/${agency.id}`, { kind: "agency", town: "Sesto San Giovanni", version: 4 }),
      200,
    );
    expect(unchanged).toEqual(owners.agency);
  });

  it("refuses a stale version with 409 naming version, changing nothing", async () => {
    const individual = owners.individual as OwnerSummaryView;
    const first = await expectStatus<OwnerSummaryView>(
      await officer.patch(`/owners/${individual.id}`, {
        contact: "+39 02 0000 0001",
        version: individual.version,
      }),
      200,
    );
    const stale = await areaA.patch(`/owners/${individual.id}`, {
      name: "Ada Esempio Rossi (demo)",
      version: individual.version,
    });
    expect(stale.status).toBe(409);
    expect(await pathsOf(stale)).toEqual(["version"]);
    const detail = await expectStatus<OwnerDetail>(await admin.get(`/owners/${individual.id}`), 200);
    expect(detail.owner).toEqual(first);
    expect(detail.owner).toMatchObject({ name: "Ada Esempio (demo)", version: 2 });
    owners.individual = first;
  });

  it.each([
    [{ name: "A" }, "name"],
    [{ kind: "landlord" }, "kind"],
    [{ municipio: 10 }, "municipio"],
    [{ town: "Rho", municipio: 2 }, "municipio"],
    [{ contact: "x".repeat(301) }, "contact"],
    [{ version: undefined }, "version"],
    [{ name: "Nuovo nome (demo)", version: 0 }, "version"],
  ])("refuses the change %j with 400 naming %s", async (change, path) => {
    const association = owners.association as OwnerSummaryView;
    const res = await officer.patch(`/owners/${association.id}`, { version: association.version, ...change });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toContain(path);
  });

  it("checks a changed place against the stored one (400 naming municipio)", async () => {
    const agency = owners.agency as OwnerSummaryView;
    // The agency is in Sesto San Giovanni: a Municipio alone does not apply there.
    const res = await officer.patch(`/owners/${agency.id}`, { municipio: 4, version: agency.version });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["municipio"]);
    const detail = await expectStatus<OwnerDetail>(await admin.get(`/owners/${agency.id}`), 200);
    expect(detail.owner).toMatchObject({ municipio: null, version: agency.version });
  });

  it("answers 404 for an owner that does not exist", async () => {
    expect((await admin.get("/owners/6f1c1d2e-0000-4000-8000-000000000001")).status).toBe(404);
    expect((await admin.get("/owners/nobody")).status).toBe(404);
    const res = await admin.post("/owners/6f1c1d2e-0000-4000-8000-000000000001/offers", offerInput());
    expect(res.status).toBe(404);
    const edit = await admin.patch("/owners/6f1c1d2e-0000-4000-8000-000000000001", { version: 1 });
    expect(edit.status).toBe(404);
  });
});

describe("a home offered, reviewed, then accepted into the stock", () => {
  it("goes from offered to under review to accepted, and enters the stock as a private unit", async () => {
    const individual = owners.individual as OwnerSummaryView;
    const offer = await newOffer(officer, individual.id);
    expect(offer).toMatchObject({
      status: "offered",
      version: 1,
      unitCode: null,
      ownerName: "Ada Esempio (demo)",
    });
    expect(offer.nextStatuses).toEqual(["under_review", "declined", "withdrawn"]);
    // Before acceptance the rent asked is weighed against each category's cap (58.5 m²).
    expect(offer.rentAgainstCap).toEqual([
      { category: "calmierato", maxMonthlyRentCents: 36_562, overCapCents: 3_438 },
      { category: "calmierato_ridotto", maxMonthlyRentCents: 26_812, overCapCents: 13_188 },
      { category: "fragilita", maxMonthlyRentCents: null, overCapCents: null },
    ]);
    const review = await expectStatus<OfferView>(
      await decide(officer, offer, { status: "under_review" }),
      200,
    );
    expect(review).toMatchObject({ status: "under_review", decidedOn: "2026-11-10", version: 2 });

    accepted = await expectStatus<OfferView>(
      await officer.post(`/owner-offers/${offer.id}/accept`, acceptance(2)),
      200,
    );
    expect(accepted).toMatchObject({
      status: "accepted",
      unitCode: "PR-0001",
      decidedOn: "2026-11-20",
      version: 3,
    });
    expect(accepted.nextStatuses).toEqual([]);
    expect(accepted.rentAgainstCap).toEqual([
      { category: "calmierato", maxMonthlyRentCents: 36_562, overCapCents: 3_438 },
    ]);

    const unit = await expectStatus<Unit>(await admin.get("/units/PR-0001"), 200);
    expect(unit).toMatchObject({
      origin: "private",
      status: "to_renovate",
      category: "calmierato",
      managingPartnerCode: "ETS-B1",
      address: "Via Fittizia dei Glicini 7, interno 3",
      town: "Milano",
      municipio: 4,
      surfaceM2: 58.5,
      rooms: 3,
      bedrooms: 2,
      floor: 2,
      energyClass: "D",
      maxMonthlyRentCents: 36_562,
    });
    const history = await expectStatus<{ items: { kind: string; toStatus: string }[] }>(
      await admin.get("/units/PR-0001/history"),
      200,
    );
    expect(history.items).toEqual([expect.objectContaining({ kind: "created", toStatus: "to_renovate" })]);
    // The unit's managing partner sees it in the registry like any other of its units, without the
    // owner's name, which stays in the owners' register.
    const seen = await expectStatus<Unit>(await manager.get("/units/PR-0001"), 200);
    expect(seen.notes).toBe("Offered by a private owner on 2026-10-01, accepted on 2026-11-20");
    expect(JSON.stringify(seen)).not.toContain(individual.name);

    const detail = await expectStatus<OwnerDetail>(await admin.get(`/owners/${individual.id}`), 200);
    expect(detail.owner).toMatchObject({ offers: 1, unitsEntered: 1 });
    expect(detail.offers.map((o) => o.unitCode)).toEqual(["PR-0001"]);
  });

  it("records who accepted the offer in the audit trail", async () => {
    const rows = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "owner_offer"), eq(auditEvents.entityId, accepted.id)));
    expect(rows.map((r) => [r.action, r.outcome])).toContainEqual([
      "POST /owner-offers/{id}/accept",
      "success",
    ]);
  });

  it("refuses a stale version with 409 naming version", async () => {
    const offer = await newOffer(officer, owners.individual?.id as string);
    await expectStatus(await decide(officer, offer, { status: "under_review" }), 200);
    const res = await decide(officer, offer, { status: "declined", reason: "Changed our mind (demo)" });
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["version"]);
    const accept = await officer.post(`/owner-offers/${offer.id}/accept`, acceptance(1, { code: "PR-0009" }));
    expect(accept.status).toBe(409);
    expect(await pathsOf(accept)).toEqual(["version"]);
  });

  it.each([
    ["decline an accepted home", () => accepted, { status: "declined", reason: "Too late (demo)" }],
    ["withdraw an accepted home", () => accepted, { status: "withdrawn", reason: "Sold (demo)" }],
  ])("refuses to %s with 409 naming status", async (_case, offer, body) => {
    const res = await decide(officer, offer(), body);
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["status"]);
  });

  it("accepts only a home under review (409 naming status)", async () => {
    const offer = await newOffer(officer, owners.agency?.id as string, {
      town: "Sesto San Giovanni",
      municipio: null,
    });
    const res = await officer.post(`/owner-offers/${offer.id}/accept`, acceptance(1, { code: "PR-0010" }));
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["status"]);
    expect((await admin.get("/units/PR-0010")).status).toBe(404);
  });

  it("refuses a unit code already in the stock with the units service's 409 naming code, and keeps the offer", async () => {
    const offer = await reviewed(owners.company?.id as string, { address: "Via Fittizia dei Tigli 12" });
    const res = await officer.post(`/owner-offers/${offer.id}/accept`, acceptance(offer.version));
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["code"]);
    const detail = await expectStatus<OwnerDetail>(await admin.get(`/owners/${owners.company?.id}`), 200);
    expect(detail.offers.find((o) => o.id === offer.id)).toMatchObject({
      status: "under_review",
      unitCode: null,
      version: offer.version,
    });
    // The same home with a new code enters the stock.
    const ok = await officer.post(
      `/owner-offers/${offer.id}/accept`,
      acceptance(offer.version, { code: "PR-0002" }),
    );
    expect(ok.status).toBe(200);
  });

  it.each([
    [{ bedrooms: 4 }, 400, "bedrooms"],
    [{ wheelchairAdapted: true, stepFree: false }, 400, "stepFree"],
    [{ managingPartnerCode: "NOPE" }, 422, "managingPartnerCode"],
    [{ decidedOn: "2026-09-01" }, 422, "decidedOn"],
    [{ decidedOn: "2026-11-23" }, 422, "decidedOn"],
    [{ code: "no spaces allowed" }, 400, "code"],
  ])("refuses acceptance %j with %i naming %s, creating no unit", async (change, status, path) => {
    const offer = await reviewed(owners.individual?.id as string);
    const res = await officer.post(
      `/owner-offers/${offer.id}/accept`,
      acceptance(offer.version, { code: "PR-0099", ...change }),
    );
    expect(res.status).toBe(status);
    expect(await pathsOf(res)).toContain(path);
    expect((await admin.get("/units/PR-0099")).status).toBe(404);
  });

  it("declines with a reason, and refuses a decline without one (400 naming reason)", async () => {
    const offer = await newOffer(officer, owners.company?.id as string, { askedRentCents: 120_000 });
    const noReason = await decide(officer, offer, { status: "declined" });
    expect(noReason.status).toBe(400);
    expect(await pathsOf(noReason)).toEqual(["reason"]);
    declined = await expectStatus<OfferView>(
      await decide(officer, offer, {
        status: "declined",
        reason: "The rent asked is far above the cap (demo)",
      }),
      200,
    );
    expect(declined).toMatchObject({
      status: "declined",
      reason: "The rent asked is far above the cap (demo)",
    });
  });

  it.each([
    [{ surfaceM2: 0 }, "surfaceM2"],
    [{ rooms: 0 }, "rooms"],
    [{ town: "Rho", municipio: 3 }, "municipio"],
    [{ municipio: null }, "municipio"],
    [{ askedRentCents: 399.5 }, "askedRentCents"],
  ])("refuses offer %j with 400 naming %s", async (change, path) => {
    const res = await officer.post(`/owners/${owners.individual?.id}/offers`, offerInput(change));
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toContain(path);
  });

  it("refuses a home offered after today (422 naming offeredOn)", async () => {
    const res = await officer.post(
      `/owners/${owners.individual?.id}/offers`,
      offerInput({ offeredOn: "2026-12-01" }),
    );
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["offeredOn"]);
  });
});

describe("guarantee schemes and their uptake", () => {
  it("offers schemes with their terms; a name is taken once (409 naming name)", async () => {
    rentFund = await expectStatus<SchemeView>(
      await areaA.post("/guarantee-schemes", {
        name: "Fondo di garanzia affitti (demo)",
        kind: "rent_guarantee_fund",
        terms: "Covers unpaid rent up to twelve months, after a first reminder (demo terms)",
        maxCoverCents: 600_000,
        maxMonths: 12,
      }),
      201,
    );
    expect(rentFund).toMatchObject({ active: true, uptakes: 0, totalCoverCents: 0 });
    damageCover = await expectStatus<SchemeView>(
      await admin.post("/guarantee-schemes", {
        name: "Copertura danni (demo)",
        kind: "damage_cover",
        terms: "Covers damage to the home found at the end of the tenancy (demo terms)",
        maxCoverCents: 300_000,
        maxMonths: 48,
      }),
      201,
    );
    const again = await admin.post("/guarantee-schemes", {
      name: "Copertura danni (demo)",
      kind: "damage_cover",
      terms: "The same name again, refused (demo terms)",
      maxCoverCents: 100_000,
      maxMonths: 12,
    });
    expect(again.status).toBe(409);
    expect(await pathsOf(again)).toEqual(["name"]);
    const bad = await admin.post("/guarantee-schemes", {
      name: "Schema a costo zero (demo)",
      kind: "damage_cover",
      terms: "Nothing covered at all (demo terms)",
      maxCoverCents: 0,
      maxMonths: 0,
    });
    expect(bad.status).toBe(400);
    expect((await pathsOf(bad)).sort()).toEqual(["maxCoverCents", "maxMonths"]);
  });

  it("grants guarantees on an accepted home within the schemes' terms", async () => {
    const withFund = await expectStatus<OfferView>(
      await officer.post(`/owner-offers/${accepted.id}/guarantees`, {
        schemeId: rentFund.id,
        from: "2026-12-01",
        to: "2027-11-30",
        coverCents: 450_000,
      }),
      201,
    );
    expect(withFund.uptakes).toEqual([
      expect.objectContaining({
        schemeName: "Fondo di garanzia affitti (demo)",
        months: 12,
        coverCents: 450_000,
      }),
    ]);
    const both = await expectStatus<OfferView>(
      await officer.post(`/owner-offers/${accepted.id}/guarantees`, {
        schemeId: damageCover.id,
        from: "2026-12-01",
        to: "2030-11-30",
        coverCents: 300_000,
      }),
      201,
    );
    expect(both.uptakes.map((u) => [u.schemeKind, u.months])).toEqual([
      ["damage_cover", 48],
      ["rent_guarantee_fund", 12],
    ]);
  });

  it.each([
    ["a cover over the scheme's most", () => accepted, { coverCents: 600_001 }, 422, ["coverCents"]],
    ["a thirteenth month", () => accepted, { to: "2027-12-01" }, 422, ["to"]],
    ["both at once", () => accepted, { coverCents: 700_000, to: "2028-11-30" }, 422, ["coverCents", "to"]],
    ["a declined home", () => declined, {}, 409, ["status"]],
    ["a second guarantee of the same scheme", () => accepted, {}, 409, ["schemeId"]],
    [
      "a scheme that does not exist",
      () => accepted,
      { schemeId: "6f1c1d2e-0000-4000-8000-000000000001" },
      422,
      ["schemeId"],
    ],
    ["an end before the start", () => accepted, { to: "2026-11-30" }, 400, ["to"]],
  ])("refuses %s", async (_case, offer, change, status, paths) => {
    const res = await officer.post(`/owner-offers/${offer().id}/guarantees`, {
      schemeId: rentFund.id,
      from: "2026-12-01",
      to: "2027-11-30",
      coverCents: 300_000,
      ...change,
    });
    expect(res.status).toBe(status);
    expect(await pathsOf(res)).toEqual(paths);
  });

  it("deactivates a scheme: it takes no new uptake (422 naming schemeId), the guarantees granted stand", async () => {
    const off = await expectStatus<SchemeView>(
      await areaA.post(`/guarantee-schemes/${damageCover.id}/deactivate`),
      200,
    );
    expect(off).toMatchObject({ id: damageCover.id, active: false, uptakes: 1, totalCoverCents: 300_000 });
    // Again: nothing changes.
    expect(
      (
        await expectStatus<SchemeView>(
          await admin.post(`/guarantee-schemes/${damageCover.id}/deactivate`),
          200,
        )
      ).active,
    ).toBe(false);
    const home = await reviewed(owners.company?.id as string, { address: "Via Fittizia dei Tigli 14" });
    const entered = await expectStatus<OfferView>(
      await officer.post(`/owner-offers/${home.id}/accept`, acceptance(home.version, { code: "PR-0003" })),
      200,
    );
    const refused = await officer.post(`/owner-offers/${entered.id}/guarantees`, {
      schemeId: damageCover.id,
      from: "2026-12-01",
      to: "2027-11-30",
      coverCents: 100_000,
    });
    expect(refused.status).toBe(422);
    expect(await pathsOf(refused)).toEqual(["schemeId"]);
    const detail = await expectStatus<OwnerDetail>(await admin.get(`/owners/${owners.company?.id}`), 200);
    expect(detail.offers.find((o) => o.id === entered.id)?.uptakes).toEqual([]);
    expect(detail.offers.find((o) => o.id === accepted.id)).toBeUndefined();
    const withCover = await expectStatus<OwnerDetail>(
      await admin.get(`/owners/${owners.individual?.id}`),
      200,
    );
    expect(withCover.offers.find((o) => o.id === accepted.id)?.uptakes.map((u) => u.schemeKind)).toEqual([
      "damage_cover",
      "rent_guarantee_fund",
    ]);
    const rows = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "guarantee_scheme"), eq(auditEvents.entityId, damageCover.id)));
    expect(rows.map((r) => [r.action, r.outcome])).toContainEqual([
      "POST /guarantee-schemes/{id}/deactivate",
      "success",
    ]);

    // Offered again, it takes uptake again.
    const on = await expectStatus<SchemeView>(
      await officer.post(`/guarantee-schemes/${damageCover.id}/activate`),
      200,
    );
    expect(on.active).toBe(true);
    const granted = await expectStatus<OfferView>(
      await officer.post(`/owner-offers/${entered.id}/guarantees`, {
        schemeId: damageCover.id,
        from: "2026-12-01",
        to: "2027-11-30",
        coverCents: 100_000,
      }),
      201,
    );
    expect(granted.uptakes.map((u) => [u.schemeName, u.coverCents])).toEqual([
      ["Copertura danni (demo)", 100_000],
    ]);
  });

  it("answers 404 when deactivating a scheme that does not exist", async () => {
    expect(
      (await admin.post("/guarantee-schemes/6f1c1d2e-0000-4000-8000-000000000001/deactivate")).status,
    ).toBe(404);
    expect((await admin.post("/guarantee-schemes/nothing/activate")).status).toBe(404);
  });

  it("shows the schemes to every staff account, their uptake only to who reads the owners' line", async () => {
    const forComune = await expectStatus<SchemeList>(await auditor.get("/guarantee-schemes"), 200);
    expect(forComune.schemes.map((s) => [s.kind, s.uptakes, s.totalCoverCents])).toEqual([
      ["damage_cover", 2, 400_000],
      ["rent_guarantee_fund", 1, 450_000],
    ]);
    const forPartner = await expectStatus<SchemeList>(await manager.get("/guarantee-schemes"), 200);
    expect(forPartner.schemes.map((s) => [s.name, s.uptakes, s.totalCoverCents])).toEqual([
      ["Copertura danni (demo)", null, null],
      ["Fondo di garanzia affitti (demo)", null, null],
    ]);
  });
});

describe("the line's figures", () => {
  it("counts owners by kind, contacts by outcome, offers by status, homes entered and uptake", async () => {
    const summary = await expectStatus<OwnersSummary>(await board.get("/owners/summary"), 200);
    expect(summary.asOf).toBe("2026-11-22");
    expect(summary.ownersByKind).toEqual({ individual: 1, company: 1, association: 1, agency: 1 });
    expect(summary.contactsByOutcome).toEqual({
      interested: 1,
      not_interested: 1,
      follow_up: 1,
      unit_offered: 1,
    });
    expect(summary.offersByStatus.accepted).toBe(3);
    expect(summary.offersByStatus.declined).toBe(1);
    expect(summary.offersByStatus.offered).toBe(1);
    expect(summary.unitsEntered).toBe(3);
    expect(summary.uptakeByScheme.map((s) => [s.name, s.uptakes, s.totalCoverCents])).toEqual([
      ["Copertura danni (demo)", 2, 400_000],
      ["Fondo di garanzia affitti (demo)", 1, 450_000],
    ]);
    const private_ = await expectStatus<{ total: number }>(await admin.get("/units?origin=private"), 200);
    expect(private_.total).toBe(summary.unitsEntered);
  });
});

describe("who may", () => {
  const id = "6f1c1d2e-0000-4000-8000-000000000001";
  const ownersRoutes: [string, string][] = [
    ["GET", "/owners"],
    ["POST", "/owners"],
    ["GET", "/owners/summary"],
    ["GET", `/owners/${id}`],
    ["PATCH", `/owners/${id}`],
    ["POST", `/owners/${id}/contacts`],
    ["POST", `/owners/${id}/offers`],
    ["POST", `/owner-offers/${id}/decision`],
    ["POST", `/owner-offers/${id}/accept`],
    ["POST", `/owner-offers/${id}/guarantees`],
    ["POST", "/guarantee-schemes"],
    ["POST", `/guarantee-schemes/${id}/deactivate`],
    ["POST", `/guarantee-schemes/${id}/activate`],
  ];
  it.each(ownersRoutes)("refuses a partner's Area B manager %s %s with 403", async (method, path) => {
    const res = await manager.request(method, path, method === "GET" ? undefined : {});
    expect(res.status).toBe(403);
  });

  it("refuses the real owner and accepted offer to a partner's Area B manager too", async () => {
    expect((await manager.get(`/owners/${owners.individual?.id}`)).status).toBe(403);
    expect((await manager.post(`/owner-offers/${accepted.id}/decision`, {})).status).toBe(403);
    const edit = await manager.patch(`/owners/${owners.individual?.id}`, {
      name: "Cambiato da un partner (demo)",
      version: owners.individual?.version,
    });
    expect(edit.status).toBe(403);
    expect((await manager.post(`/guarantee-schemes/${rentFund.id}/deactivate`)).status).toBe(403);
    const schemes = await expectStatus<SchemeList>(await admin.get("/guarantee-schemes"), 200);
    expect(schemes.schemes.every((s) => s.active)).toBe(true);
    const detail = await expectStatus<OwnerDetail>(await admin.get(`/owners/${owners.individual?.id}`), 200);
    expect(detail.owner.name).toBe("Ada Esempio (demo)");
  });

  it("lets the steering board and the auditor read but not write", async () => {
    expect((await auditor.get(`/owners/${owners.association?.id}`)).status).toBe(200);
    expect(
      (await board.post("/owners", { kind: "individual", name: "Nuovo (demo)", town: "Milano" })).status,
    ).toBe(403);
    expect((await auditor.post(`/owners/${owners.association?.id}/contacts`, {})).status).toBe(403);
    expect((await board.patch(`/owners/${owners.association?.id}`, { notes: "x", version: 1 })).status).toBe(
      403,
    );
    expect((await auditor.post(`/guarantee-schemes/${rentFund.id}/deactivate`)).status).toBe(403);
  });

  it("refuses the anonymous with 401", async () => {
    expect((await ctx.anonymous.get("/owners")).status).toBe(401);
  });
});
