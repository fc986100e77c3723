// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdFields } from "../../domain/households/household.schema.ts";
import type {
  HouseholdDetail,
  HouseholdSummary,
  ReferralCreated,
  ReferralView,
  TimelineEntry,
} from "../../domain/households/household-api.schema.ts";
import { findUserByEmail } from "../auth/auth.repository.ts";
import { auditEvents } from "../db/schema.ts";
import {
  createTestContext,
  fictionalFiscalCode,
  type TestClient,
  type TestContext,
} from "../testing/test-context.ts";

let ctx: TestContext;
let worker: TestClient;
let manager: TestClient;
let educator: TestClient;
let otherManager: TestClient;
let startedAt: Date;
beforeAll(async () => {
  ctx = await createTestContext();
  startedAt = ctx.clock.now;
  worker = await ctx.loginAs("comune_social_worker");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
});
afterAll(() => ctx.close());
// Tests that move the clock put it back, so each starts on the same day.
afterEach(() => {
  ctx.clock.now = startedAt;
});

type Problem = { status: number; detail: string; errors: { path: string; message: string }[] };
const problemOf = async (res: Response) => (await res.json()) as Problem;
const pathsOf = async (res: Response) => (await problemOf(res)).errors.map((e) => e.path);
const DAY_MS = 86_400_000;
const laterBy = (days: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + days * DAY_MS);
};

const report = {
  situation: "Sfratto esecutivo fittizio.",
  reasons: "Reddito insufficiente (dati di prova).",
  urgency: "urgent",
};
const referralBody = (household: HouseholdFields, partnerCode = "ETS-B1") => ({
  household,
  partnerCode,
  report,
});

async function refer(household = ctx.householdInput(), partnerCode = "ETS-B1") {
  const res = await worker.post("/referrals", referralBody(household, partnerCode));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ReferralCreated;
}

async function accepted(household = ctx.householdInput()) {
  const created = await refer(household);
  expect((await manager.post(`/referrals/${created.referral.id}/accept`)).status).toBe(200);
  return created;
}

async function move(client: TestClient, id: string, to: string, note = "") {
  const res = await client.post(`/households/${id}/transitions`, { to, note });
  expect(res.status, `to ${to}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as HouseholdDetail;
}

const detailOf = async (client: TestClient, id: string) =>
  (await (await client.get(`/households/${id}`)).json()) as HouseholdDetail;

describe("the path of a household", () => {
  it("goes referral → inbox → accepted → assessed → … → exiting, its durations computed from the dates", async () => {
    // Sessions time out when the clock jumps days ahead: each step signs in afresh.
    const signedIn = (role: "comune_social_worker" | "area_b_manager" | "area_b_educator") =>
      ctx.loginAs(role, role === "comune_social_worker" ? undefined : "ETS-B1");
    const created = await refer();
    const id = created.household.id;
    expect(created.household).toMatchObject({
      status: "referred",
      partner: { code: "ETS-B1" },
      referringOrganisation: { code: "COMUNE-MI" },
      version: 1,
      suspendedFrom: null,
      allowedTransitions: ["assessed", "suspended", "withdrawn"],
    });
    expect(created.household.reference).toMatch(/^NUC-2026-\d{5}$/);
    expect(created.referral).toMatchObject({ status: "pending", overdue: false, urgency: "urgent" });
    expect(created.warnings).toEqual([]);

    laterBy(2);
    const answering = await signedIn("area_b_manager");
    const inbox = (await (await answering.get("/referrals?status=pending")).json()) as {
      items: ReferralView[];
    };
    expect(inbox.items.map((r) => r.id)).toContain(created.referral.id);
    const acceptance = await answering.post(`/referrals/${created.referral.id}/accept`);
    expect(acceptance.status).toBe(200);
    expect(await acceptance.json()).toMatchObject({
      status: "accepted",
      answeredAt: ctx.clock.now.toISOString(),
    });

    const stays: [string, number][] = [
      ["assessed", 3],
      ["waiting", 5],
      ["offered", 20],
      ["housed", 7],
      ["exiting", 300],
    ];
    laterBy(1); // referred for 3 days in all
    for (const [to, days] of stays) {
      const household = await move(await signedIn("area_b_educator"), id, to, `verso ${to}`);
      expect(household.status).toBe(to);
      laterBy(days);
    }
    const household = await detailOf(await signedIn("area_b_manager"), id);
    expect(household.durations).toEqual({
      daysIn: { referred: 3, assessed: 3, waiting: 5, offered: 20, housed: 7, exiting: 300 },
      referralToHousingDays: 3 + 3 + 5 + 20,
    });
    // Exited is where the path goes next, but through the exit's own record, not a bare transition.
    expect(household.allowedTransitions).toEqual(["exited", "housed"]);
    expect(household.version).toBe(1 + stays.length);
    const bare = await (await signedIn("area_b_educator")).post(`/households/${id}/transitions`, {
      to: "exited",
    });
    expect(bare.status).toBe(409);
    expect((await problemOf(bare)).errors).toEqual([
      {
        path: "to",
        message: `Record the exit through POST /households/${id}/exit: it moves the household to exited`,
      },
    ]);

    const timeline = (await (
      await (await signedIn("comune_social_worker")).get(`/households/${id}/timeline`)
    ).json()) as {
      items: TimelineEntry[];
    };
    expect(timeline.items.map((e) => `${e.kind}:${e.to}`)).toEqual([
      "status:referred",
      "referral:pending",
      "referral:accepted",
      ...stays.map(([to]) => `status:${to}`),
    ]);
    expect(timeline.items[0]?.actor?.role).toBe("comune_social_worker");
    expect(timeline.items[2]?.actor?.role).toBe("area_b_manager");
    expect(timeline.items.at(-1)).toMatchObject({ from: "housed", to: "exiting", note: "verso exiting" });
    const times = timeline.items.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it("refuses an illegal move with 409 naming `to`, listing the allowed ones, and leaves the household as it was", async () => {
    const { household } = await accepted();
    const res = await manager.post(`/households/${household.id}/transitions`, { to: "housed" });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).errors).toEqual([
      {
        path: "to",
        message: "A household cannot go from referred to housed; allowed: assessed, suspended, withdrawn",
      },
    ]);
    expect(await detailOf(manager, household.id)).toMatchObject({ status: "referred", version: 1 });
  });

  it("refuses an unknown status with 400 naming `to`", async () => {
    const { household } = await accepted();
    const res = await manager.post(`/households/${household.id}/transitions`, { to: "evicted" });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["to"]);
  });

  it("resumes a suspended path only where it stood (or withdraws it)", async () => {
    const { household } = await accepted();
    await move(manager, household.id, "assessed");
    await move(manager, household.id, "waiting");
    const suspended = await move(manager, household.id, "suspended", "ricovero");
    expect(suspended).toMatchObject({
      suspendedFrom: "waiting",
      allowedTransitions: ["waiting", "withdrawn"],
    });
    const wrong = await manager.post(`/households/${household.id}/transitions`, { to: "assessed" });
    expect(wrong.status).toBe(409);
    expect(await pathsOf(wrong)).toEqual(["to"]);
    const resumed = await move(manager, household.id, "waiting");
    expect(resumed).toMatchObject({ status: "waiting", suspendedFrom: null });
  });

  it("does not move a household whose referral is still pending", async () => {
    const { household } = await refer();
    const res = await manager.post(`/households/${household.id}/transitions`, { to: "assessed" });
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["to"]);
  });
});

describe("validating a referred household", () => {
  const member0 = (h: HouseholdFields) => h.members[0] as HouseholdFields["members"][number];

  it.each([
    [
      "a fiscal code with a wrong check character",
      (h: HouseholdFields) => {
        const code = member0(h).fiscalCode;
        member0(h).fiscalCode = code.slice(0, 15) + (code[15] === "A" ? "B" : "A");
      },
      "household.members.0.fiscalCode",
      "The fiscal code's check character does not match: check for a typing error",
    ],
    [
      "a fiscal code of the wrong length",
      (h: HouseholdFields) => {
        member0(h).fiscalCode = "FTTZZZ84";
      },
      "household.members.0.fiscalCode",
      "A fiscal code has 16 characters",
    ],
    [
      "a birth date in the future",
      (h: HouseholdFields) => {
        member0(h).birthDate = "2027-01-10";
        member0(h).fiscalCode = fictionalFiscalCode("FTTZZZ", "2027-01-10", "F");
      },
      "household.members.0.birthDate",
      "The birth date is in the future",
    ],
    [
      "a birth date that does not match the fiscal code",
      (h: HouseholdFields) => {
        member0(h).birthDate = "1984-02-29";
      },
      "household.members.0.birthDate",
      "The birth date does not match the fiscal code",
    ],
    [
      "a negative ISEE",
      (h: HouseholdFields) => {
        h.iseeCents = -100;
      },
      "household.iseeCents",
      "ISEE cannot be negative",
    ],
    [
      "an income in euros with decimals",
      (h: HouseholdFields) => {
        h.incomeCents = 14_500.5;
      },
      "household.incomeCents",
      "Income must be an amount in cents",
    ],
    [
      "two heads",
      (h: HouseholdFields) => {
        (h.members[1] as HouseholdFields["members"][number]).relationship = "head";
      },
      "household.members",
      "A household has exactly one head (relationship head)",
    ],
  ])("refuses %s with 400 naming the field, and creates nothing", async (_, spoil, path, message) => {
    const before = ((await (await worker.get("/households?limit=1")).json()) as { total: number }).total;
    const household = structuredClone(ctx.householdInput());
    spoil(household);
    const res = await worker.post("/referrals", referralBody(household));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await problemOf(res)).errors).toContainEqual({ path, message });
    expect(((await (await worker.get("/households?limit=1")).json()) as { total: number }).total).toBe(
      before,
    );
  });

  it.each([
    ["a partner that does not manage the household's category", "ETS-B2", "calmierato"],
    ["an Area A partner", "ETS-A", "calmierato"],
    ["the Comune itself", "COMUNE-MI", "calmierato"],
    ["an unknown partner", "ETS-X9", "calmierato"],
  ] as const)("refuses %s with 422 naming partnerCode", async (_, partnerCode, category) => {
    const res = await worker.post("/referrals", referralBody(ctx.householdInput({ category }), partnerCode));
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["partnerCode"]);
  });

  it("refuses a report without its situation, naming report.situation", async () => {
    const res = await worker.post("/referrals", {
      ...referralBody(ctx.householdInput()),
      report: { ...report, situation: " " },
    });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["report.situation"]);
  });
});

describe("changing a household", () => {
  it("applies a change with the current version and refuses a stale version with 409", async () => {
    const { household } = await accepted();
    const first = await manager.patch(`/households/${household.id}`, {
      version: 1,
      phone: "+39 02 1111 1111",
      iseeCents: 700_000,
    });
    expect(first.status).toBe(200);
    const changed = (await first.json()) as HouseholdDetail;
    expect(changed).toMatchObject({ phone: "+39 02 1111 1111", iseeCents: 700_000, version: 2 });
    // Fields left out stay as they were.
    expect(changed.members).toEqual(household.members);
    expect(changed.needs).toEqual(household.needs);

    const stale = await educator.patch(`/households/${household.id}`, { version: 1, phone: "" });
    expect(stale.status).toBe(409);
    expect(await pathsOf(stale)).toEqual(["version"]);
    expect((await detailOf(manager, household.id)).phone).toBe("+39 02 1111 1111");
  });

  it("replaces the members when they are sent, validating them", async () => {
    const { household } = await accepted();
    const members = ctx.householdInput({ size: 3 }).members;
    const res = await manager.patch(`/households/${household.id}`, { version: 1, members });
    expect(res.status).toBe(200);
    expect(((await res.json()) as HouseholdDetail).members).toEqual(members);

    const wrong = structuredClone(members);
    (wrong[2] as (typeof members)[number]).birthDate = "2030-05-05";
    const refused = await manager.patch(`/households/${household.id}`, { version: 2, members: wrong });
    expect(refused.status).toBe(400);
    expect(await pathsOf(refused)).toContain("members.2.birthDate");
    expect((await detailOf(manager, household.id)).members).toEqual(members);
  });

  it.each([
    [{ iseeCents: -1 }, "iseeCents"],
    [{ iseeDate: "2027-01-01" }, "iseeDate"],
    [{ email: "not an address" }, "email"],
    [{ targetGroup: "pensionati" }, "targetGroup"],
  ])("refuses %j with 400 naming %s", async (change, path) => {
    const { household } = await accepted();
    const res = await manager.patch(`/households/${household.id}`, { version: 1, ...change });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual([path]);
  });

  it("refuses a category the managing partner does not manage with 422 naming category", async () => {
    const { household } = await accepted();
    const res = await manager.patch(`/households/${household.id}`, { version: 1, category: "fragilita" });
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["category"]);
  });
});

describe("special-category data", () => {
  /** An accepted household (`manager` on its team) with a new educator named in its plan. */
  async function withTeamEducator() {
    const created = await accepted();
    const teamEducator = await ctx.loginAs("area_b_educator", "ETS-B1");
    const userId = (await findUserByEmail(ctx.db, teamEducator.email))?.id;
    const plan = await manager.request("PUT", `/households/${created.household.id}/plan`, {
      version: 0,
      startDate: "2026-11-02",
      intensity: "low",
      team: [{ role: "educator", name: "Educatore di prova", userId }],
    });
    expect(plan.status, await plan.clone().text()).toBe(200);
    return { ...created, teamEducator };
  }

  it("shows the needs to the team, the Comune's social workers and data protection; null to other readers", async () => {
    const { household, teamEducator } = await withTeamEducator();
    expect(household.needs).toEqual(["economic_fragility"]);
    const readers: [string, TestClient, "full" | "restricted", boolean][] = [
      ["manager who accepted the referral", manager, "full", true],
      ["educator named in the plan", teamEducator, "full", true],
      ["educator of the partner, not on the team", educator, "restricted", false],
      ["Comune admin", await ctx.loginAs("comune_admin"), "restricted", false],
      ["Comune social worker", worker, "full", false],
      ["data protection", await ctx.loginAs("comune_data_protection"), "full", false],
    ];
    for (const [who, client, access, onTeam] of readers) {
      const detail = await detailOf(client, household.id);
      expect(detail, who).toMatchObject({
        specialCategories: access,
        onTeam,
        needs: access === "full" ? household.needs : null,
        consentWithdrawn: [],
        members: household.members,
      });
    }
  });

  it("refuses a change of needs by a reader without access with 403 naming needs; other fields it may change", async () => {
    const { household } = await accepted();
    const refused = await educator.patch(`/households/${household.id}`, { version: 1, needs: [] });
    expect(refused.status).toBe(403);
    expect(await pathsOf(refused)).toEqual(["needs"]);
    const changed = await educator.patch(`/households/${household.id}`, {
      version: 1,
      phone: "+39 02 2222 2222",
    });
    expect(changed.status).toBe(200);
    // The answer is redacted for the caller, and the needs stay as they were.
    expect((await changed.json()) as HouseholdDetail).toMatchObject({ needs: null, version: 2 });
    expect((await detailOf(manager, household.id)).needs).toEqual(household.needs);
    const byTeam = await manager.patch(`/households/${household.id}`, { version: 2, needs: [] });
    expect(byTeam.status).toBe(200);
    expect(((await byTeam.json()) as HouseholdDetail).needs).toEqual([]);
  });
});

describe("a person already known to the programme", () => {
  it("is flagged as a warning that says nothing of where or whose", async () => {
    const earlier = await ctx.newHousehold({ partnerCode: "ETS-B2" });
    const known = earlier.household.members[1] as HouseholdFields["members"][number];
    const household = ctx.householdInput({ size: 3 });
    household.members[1] = { ...known, givenName: "Nome diverso" };
    const res = await worker.post("/referrals", referralBody(household));
    expect(res.status).toBe(201);
    const text = await res.text();
    const created = JSON.parse(text) as ReferralCreated;
    expect(created.warnings).toEqual([
      { path: "household.members.1.fiscalCode", message: "This person is already known to the programme" },
    ]);
    for (const secret of [earlier.household.id, earlier.household.reference, "ETS-B2", earlier.referral.id]) {
      expect(text).not.toContain(secret);
    }
  });

  it("is not flagged when nobody shares a code", async () => {
    expect((await refer()).warnings).toEqual([]);
  });
});

describe("listing households", () => {
  it("filters by status, target group and search, and shows the head and the partner", async () => {
    const { household } = await refer(ctx.householdInput({ targetGroup: "anziano_solo", size: 1 }));
    const list = async (query: string) =>
      (await (await worker.get(`/households${query}`)).json()) as {
        items: HouseholdSummary[];
        total: number;
      };
    const found = await list(`?q=${household.reference.toLowerCase()}`);
    expect(found.items).toEqual([
      {
        id: household.id,
        reference: household.reference,
        status: "referred",
        targetGroup: "anziano_solo",
        category: household.category,
        headName: `${household.members[0]?.givenName} Fittizi`,
        members: 1,
        partner: { code: "ETS-B1", name: "Cooperativa Fittizia Casa Aperta (demo)" },
        statusSince: ctx.clock.now.toISOString(),
        overdueReferral: false,
      },
    ]);
    expect((await list(`?q=${household.members[0]?.fiscalCode}`)).items.map((h) => h.id)).toEqual([
      household.id,
    ]);
    const elderly = await list("?targetGroup=anziano_solo&limit=500");
    expect(elderly.items.map((h) => h.id)).toContain(household.id);
    expect(new Set(elderly.items.map((h) => h.targetGroup))).toEqual(new Set(["anziano_solo"]));
    const housed = await list("?status=housed&limit=500");
    expect(housed.items.every((h) => h.status === "housed")).toBe(true);
    expect((await worker.get("/households?status=evicted")).status).toBe(400);
  });

  it("shows a partner only the households it manages", async () => {
    const mine = await ctx.newHousehold({ partnerCode: "ETS-B2" });
    const theirs = await ctx.newHousehold({ partnerCode: "ETS-B1" });
    const list = (await (await otherManager.get("/households?limit=500")).json()) as {
      items: HouseholdSummary[];
    };
    const ids = list.items.map((h) => h.id);
    expect(ids).toContain(mine.household.id);
    expect(ids).not.toContain(theirs.household.id);
    expect(new Set(list.items.map((h) => h.partner?.code))).toEqual(new Set(["ETS-B2"]));
    for (const path of [`/households/${theirs.household.id}`, `/households/${theirs.household.reference}`]) {
      expect((await otherManager.get(path)).status).toBe(404);
      expect((await otherManager.get(`${path}/timeline`)).status).toBe(404);
    }
  });
});

describe("who may do what", () => {
  it.each(["tenant", "steering_board", "auditor", "area_a", "comune_housing_officer"] as const)(
    "refuses %s every household and referral operation with 403",
    async (role) => {
      const { household, referral } = await ctx.newHousehold();
      const user = await ctx.loginAs(role);
      const attempts: [string, string, unknown][] = [
        ["GET", "/households", undefined],
        ["GET", `/households/${household.id}`, undefined],
        ["GET", `/households/${household.id}/timeline`, undefined],
        ["PATCH", `/households/${household.id}`, { version: 1, phone: "" }],
        ["POST", `/households/${household.id}/transitions`, { to: "assessed" }],
        ["POST", `/households/${household.id}/referrals`, { partnerCode: "ETS-B1", report }],
        ["GET", "/referrals", undefined],
        ["POST", "/referrals", referralBody(ctx.householdInput())],
        ["POST", `/referrals/${referral.id}/accept`, undefined],
        ["POST", `/referrals/${referral.id}/return`, { reason: "no" }],
      ];
      for (const [method, path, body] of attempts) {
        const res = await user.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    },
  );

  it("lets only the Comune refer, and only a partner's manager answer", async () => {
    const { referral } = await ctx.newHousehold();
    expect((await manager.post("/referrals", referralBody(ctx.householdInput()))).status).toBe(403);
    expect((await educator.post(`/referrals/${referral.id}/accept`)).status).toBe(403);
    const admin = await ctx.loginAs("comune_admin");
    expect((await admin.post(`/referrals/${referral.id}/accept`)).status).toBe(403);
    expect((await otherManager.post(`/referrals/${referral.id}/accept`)).status).toBe(404);
    expect((await manager.post(`/referrals/${referral.id}/accept`)).status).toBe(200);
  });
});

describe("the audit trail", () => {
  it("keeps every read of a household and of its timeline, filed under the household's uuid", async () => {
    const { household } = await ctx.newHousehold();
    const reader = await ctx.loginAs("area_b_educator", "ETS-B1");
    expect((await reader.get(`/households/${household.id}`)).status).toBe(200);
    expect((await reader.get(`/households/${household.reference}`)).status).toBe(200);
    expect((await reader.get(`/households/${household.id}/timeline`)).status).toBe(200);
    const rows = await ctx.db
      .select({ action: auditEvents.action, role: auditEvents.actorRole, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "households"), eq(auditEvents.entityId, household.id)))
      .orderBy(auditEvents.seq);
    expect(rows.filter((r) => r.role === "area_b_educator")).toEqual([
      { action: "GET /households/{id}", role: "area_b_educator", outcome: "success" },
      { action: "GET /households/{id}", role: "area_b_educator", outcome: "success" },
      { action: "GET /households/{id}/timeline", role: "area_b_educator", outcome: "success" },
    ]);
    const admin = await ctx.loginAs("comune_admin");
    const register = (await (
      await admin.get(`/audit/records?entity=households&id=${household.id}`)
    ).json()) as {
      items: { action: string; actor: { role: string } | null }[];
    };
    expect(register.items.filter((a) => a.actor?.role === "area_b_educator").map((a) => a.action)).toEqual([
      "GET /households/{id}/timeline",
      "GET /households/{id}",
      "GET /households/{id}",
    ]);
  });

  it("keeps a refused read of another partner's household as denied", async () => {
    const { household } = await ctx.newHousehold({ partnerCode: "ETS-B1" });
    expect((await otherManager.get(`/households/${household.id}`)).status).toBe(404);
    const rows = await ctx.db
      .select({ role: auditEvents.actorRole, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, household.id), eq(auditEvents.action, "GET /households/{id}")));
    expect(rows).toEqual([{ role: "area_b_manager", outcome: "denied" }]);
  });
});
