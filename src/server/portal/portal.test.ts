// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalAccount, PortalInformation, PortalTenancy } from "../../domain/portal/portal.schema.ts";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import { activeTenancy } from "../tenancies/tenancy-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let manager: TestClient;
let mine: Tenancy;
let theirs: Tenancy;
let tenant: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  mine = await activeTenancy(ctx, manager);
  theirs = await activeTenancy(ctx, manager);
  tenant = await ctx.loginAs("tenant", "ETS-B1", mine.household.id);
  await manager.post("/ledger/charge-runs", { period: "2026-10" });
  await manager.post("/ledger/charge-runs", { period: "2026-11" });
  await manager.request("POST", "/payments", {
    tenancyId: mine.id,
    amountCents: 40_000,
    paidOn: "2026-10-07",
    method: "bank_transfer",
  });
  await manager.post(`/tenancies/${mine.id}/recertifications`, {
    effectiveOn: "2026-11-01",
    annualIncomeCents: 2_000_000,
  });
});
afterAll(() => ctx.close());

describe("the tenant's portal", () => {
  it("shows their own contract and the documents shared with them", async () => {
    const res = await tenant.get("/portal/tenancy");
    expect(res.status).toBe(200);
    const tenancy = (await res.json()) as PortalTenancy;
    expect(tenancy).toMatchObject({
      reference: mine.reference,
      rentCents: 35_000,
      unit: { code: mine.unit.code },
    });
    const letter = tenancy.documents.find((d) => d.kind === "recertification_letter");
    expect(letter).toBeDefined();
    const file = await tenant.get(`/portal/documents/${letter?.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
  });

  it("shows the balance and the payment notices still to pay, with their pagoPA numbers", async () => {
    const account = (await (await tenant.get("/portal/account")).json()) as PortalAccount;
    expect(account.balanceCents).toBe(40_000);
    expect(account.notices.map((n) => [n.period, n.kind, n.outstandingCents])).toEqual([
      ["2026-11", "rent", 35_000],
      ["2026-11", "service", 5_000],
    ]);
    expect(account.notices.every((n) => /^3\d{17}$/.test(n.noticeNumber ?? ""))).toBe(true);
    expect(account.entries.filter((e) => e.kind === "payment")).toHaveLength(1);
  });

  it("shows the manager's contacts, house rules and the notices addressed to them", async () => {
    expect(
      (
        await manager.request("PUT", "/tenant-information", {
          phone: "02 1234",
          houseRules: "Silenzio dalle 22.",
        })
      ).status,
    ).toBe(200);
    await manager.post("/notices", {
      title: "Avviso a tutti",
      body: "Pulizia scale martedì.",
      publishedOn: "2026-11-20",
    });
    await manager.post("/notices", {
      title: "Solo per un altro alloggio",
      body: "Lettura contatori.",
      publishedOn: "2026-11-20",
      unitId: theirs.unit.id,
    });
    await manager.post("/notices", {
      title: "Avviso futuro",
      body: "Non ancora pubblicato.",
      publishedOn: "2026-12-20",
    });
    const info = (await (await tenant.get("/portal/information")).json()) as PortalInformation;
    expect(info).toMatchObject({ phone: "02 1234", houseRules: "Silenzio dalle 22." });
    expect(info.notices.map((n) => n.title)).toEqual(["Avviso a tutti"]);
  });

  it("never shows another household's tenancy, documents, or anything of the staff's", async () => {
    const other = await ctx.loginAs("tenant", "ETS-B1", theirs.household.id);
    expect(((await (await other.get("/portal/tenancy")).json()) as PortalTenancy).reference).toBe(
      theirs.reference,
    );
    const letter = ((await (await tenant.get("/portal/tenancy")).json()) as PortalTenancy).documents[0];
    expect((await other.get(`/portal/documents/${letter?.id}`)).status).toBe(404);
    for (const path of [
      `/tenancies/${mine.id}`,
      `/tenancies/${mine.id}/ledger`,
      "/ledger/bank-lines",
      "/units",
      "/households",
    ]) {
      expect((await tenant.get(path)).status, path).toBe(403);
    }
    expect(
      (
        await tenant.request("POST", "/payments", {
          tenancyId: mine.id,
          amountCents: 1,
          paidOn: "2026-11-01",
          method: "cash",
        })
      ).status,
    ).toBe(403);
  });

  it("tells a tenant account with no household what to do, and keeps staff out of the portal", async () => {
    const loose = await ctx.loginAs("tenant", "ETS-B1");
    const res = await loose.get("/portal/account");
    expect(res.status).toBe(422);
    expect((await manager.get("/portal/account")).status).toBe(403);
  });
});

describe("the tenant scope in the database", () => {
  it("reads only the tenant's own household's rows, whatever the query", async () => {
    const { scopeOfActor } = await import("../http.ts");
    const actor = { ...(await ctx.actor("tenant", "ETS-B1")), householdId: mine.household.id };
    const seen = await ctx.database.scoped(scopeOfActor(actor), async (db) => {
      const count = async (table: string) =>
        Number(
          (
            (await db.execute(`select count(*)::int as n from ${table}`)) as unknown as {
              rows: { n: number }[];
            }
          ).rows[0]?.n,
        );
      return {
        tenancies: await count("tenancies"),
        units: await count("units"),
        charges: await count(`charges where tenancy_id <> '${mine.id}'`),
        households: await count("households"),
        members: await count("household_members"),
        arrears: await count("arrears_cases"),
        bankLines: await count("bank_lines"),
      };
    });
    expect(seen).toEqual({
      tenancies: 1,
      units: 1,
      charges: 0,
      households: 0,
      members: 0,
      arrears: 0,
      bankLines: 0,
    });
  });
});

describe("the manager's notices and information for tenants", () => {
  it("reads back what the tenants read, empty until set", async () => {
    const other = await ctx.loginAs("area_b_manager", "ETS-B2");
    expect(await (await other.get("/tenant-information")).json()).toEqual({
      phone: "",
      email: "",
      officeHours: "",
      address: "",
      houseRules: "",
    });
    await manager.request("PUT", "/tenant-information", {
      phone: "02 5555",
      email: "sportello@example.org",
      officeHours: "Lun–Ven 9–12",
    });
    expect(await (await manager.get("/tenant-information")).json()).toMatchObject({
      phone: "02 5555",
      email: "sportello@example.org",
      officeHours: "Lun–Ven 9–12",
    });
    expect((await tenant.get("/tenant-information")).status).toBe(403);
  });

  it("addresses a notice to one unit by its code, and lists it with the code", async () => {
    const res = await manager.post("/notices", {
      title: "Lettura contatori",
      body: "Il tecnico passa giovedì.",
      publishedOn: "2026-11-20",
      unitCode: mine.unit.code,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ unitId: mine.unit.id, unitCode: mine.unit.code });
    const info = (await (await tenant.get("/portal/information")).json()) as PortalInformation;
    expect(info.notices.map((n) => n.title)).toContain("Lettura contatori");
    const list = (await (await manager.get("/notices")).json()) as {
      items: { title: string; unitCode: string }[];
    };
    expect(list.items.find((n) => n.title === "Lettura contatori")?.unitCode).toBe(mine.unit.code);
  });

  it.each([
    ["an unknown building", { buildingCode: "NESSUNO" }, 422, "buildingCode"],
    ["an unknown unit code", { unitCode: "NESSUNO" }, 422, "unitCode"],
    [
      "a unit by id and by code",
      { unitId: "00000000-0000-4000-8000-000000000000", unitCode: "X" },
      400,
      "unitCode",
    ],
    ["an empty title", { title: "" }, 400, "title"],
  ])("refuses a notice to %s, naming the field, and stores nothing", async (_, change, status, field) => {
    const before = ((await (await manager.get("/notices")).json()) as { items: unknown[] }).items.length;
    const res = await manager.post("/notices", {
      title: "Avviso",
      body: "Testo dell'avviso.",
      publishedOn: "2026-11-20",
      ...change,
    });
    expect(res.status).toBe(status);
    expect(JSON.stringify(await res.json())).toContain(`"${field}"`);
    const after = ((await (await manager.get("/notices")).json()) as { items: unknown[] }).items.length;
    expect(after).toBe(before);
  });

  it("lets the Comune's notices reach every tenant, and a partner's only its own tenants", async () => {
    const admin = await ctx.loginAs("comune_admin");
    expect(
      (
        await admin.post("/notices", {
          title: "Avviso del Comune",
          body: "Nuovo sportello in Municipio.",
          publishedOn: "2026-11-20",
        })
      ).status,
    ).toBe(201);
    const elsewhereManager = await ctx.loginAs("area_b_manager", "ETS-B2");
    await elsewhereManager.post("/notices", {
      title: "Avviso di un altro ente",
      body: "Solo per i suoi inquilini.",
      publishedOn: "2026-11-20",
    });
    const titles = (
      (await (await tenant.get("/portal/information")).json()) as PortalInformation
    ).notices.map((n) => n.title);
    expect(titles).toContain("Avviso del Comune");
    expect(titles).not.toContain("Avviso di un altro ente");
  });
});
