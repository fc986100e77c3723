// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../../domain/auth/roles.ts";
import { scopeOfActor } from "../http.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { householdOnPath } from "./care-fixtures.ts";
import { careTimelineEntries } from "./care-timeline.ts";

let ctx: TestContext;
let manager: TestClient;
let educator: TestClient;
let worker: TestClient;
let educatorMe: Me;
let workerMe: Me;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  worker = await ctx.loginAs("comune_social_worker");
  educatorMe = (await (await educator.get("/auth/me")).json()) as Me;
  workerMe = (await (await worker.get("/auth/me")).json()) as Me;
});
afterAll(() => ctx.close());

const ok = async (response: Promise<Response>, status = 200) => expect((await response).status).toBe(status);

/** A household followed from November 2024 to its exit in April 2025 and its first follow-up. */
async function followedToFollowUp() {
  const household = await householdOnPath(ctx, manager, { referredOn: "2024-11-01" });
  await ok(
    manager.request("PUT", `/households/${household.id}/plan`, {
      version: 0,
      startDate: "2024-11-15",
      intensity: "medium",
      team: [{ role: "educator", name: "Educatrice di prova", userId: educatorMe.id }],
    }),
  );
  await ok(
    educator.post(`/households/${household.id}/plan/reviews`, {
      date: "2025-02-15",
      notes: "Verifica: buoni progressi (prova)",
      autonomy: { housing: 3 },
    }),
  );
  const visit = { minutes: 45, type: "home_visit", note: "Visita di prova" };
  await ok(worker.post(`/households/${household.id}/interventions`, { ...visit, date: "2025-03-01" }), 201);
  await ok(
    educator.post(`/households/${household.id}/interventions`, {
      ...visit,
      date: "2025-03-05",
      type: "interview",
    }),
    201,
  );
  await ok(
    manager.post(`/households/${household.id}/exit`, {
      date: "2025-04-30",
      planned: false,
      destination: "family",
      note: "Rientro in famiglia",
    }),
    201,
  );
  await ok(
    educator.request("PUT", `/households/${household.id}/follow-ups/6`, {
      contactedOn: "2025-11-02",
      situation: "with_family",
      note: "Sentita al telefono",
    }),
  );
  return household;
}

describe("careTimelineEntries", () => {
  it("gives the plan, reviews, interventions, exit and follow-ups oldest first, notes for the team only", async () => {
    const household = await followedToFollowUp();
    const partnerReader = await ctx.actor("area_b_educator", "ETS-B1");
    const timelineAs = (access: "full" | "restricted") =>
      ctx.database.scoped(scopeOfActor(partnerReader), (db) => careTimelineEntries(db, household.id, access));
    const full = await timelineAs("full");
    const restricted = await timelineAs("restricted");
    const educatorActor = { name: educatorMe.name, role: "area_b_educator" };
    expect(full).toEqual([
      { at: "2024-11-15T00:00:00.000Z", kind: "plan", from: null, to: "closed", actor: null, note: "" },
      {
        at: "2025-02-15T00:00:00.000Z",
        kind: "review",
        from: null,
        to: "reviewed",
        actor: educatorActor,
        note: "Verifica: buoni progressi (prova)",
      },
      // The Comune's account is not visible to a partner: who logged it shows as nobody.
      {
        at: "2025-03-01T00:00:00.000Z",
        kind: "intervention",
        from: null,
        to: "home_visit",
        actor: null,
        note: "Visita di prova",
      },
      {
        at: "2025-03-05T00:00:00.000Z",
        kind: "intervention",
        from: null,
        to: "interview",
        actor: educatorActor,
        note: "Visita di prova",
      },
      {
        at: "2025-04-30T00:00:00.000Z",
        kind: "exit",
        from: "unplanned",
        to: "family",
        actor: expect.objectContaining({ role: "area_b_manager" }),
        note: "Rientro in famiglia",
      },
      {
        at: "2025-11-02T00:00:00.000Z",
        kind: "follow_up",
        from: "6 months",
        to: "with_family",
        actor: educatorActor,
        note: "Sentita al telefono",
      },
    ]);
    expect(restricted.map((e) => e.note)).toEqual([
      "",
      "",
      "",
      "",
      "Rientro in famiglia",
      "Sentita al telefono",
    ]);
    expect(restricted.map(({ note: _note, ...rest }) => rest)).toEqual(
      full.map(({ note: _note, ...rest }) => rest),
    );

    const comune = await ctx.actor("comune_social_worker");
    const seenByComune = await ctx.database.scoped(scopeOfActor(comune), (db) =>
      careTimelineEntries(db, household.id, "full"),
    );
    expect(seenByComune[2]?.actor).toEqual({ name: workerMe.name, role: "comune_social_worker" });
  });

  it("shows nothing of another partner's household", async () => {
    const household = await followedToFollowUp();
    const stranger = await ctx.actor("area_b_manager", "ETS-B2");
    const seen = await ctx.database.scoped(scopeOfActor(stranger), (db) =>
      careTimelineEntries(db, household.id, "full"),
    );
    expect(seen).toEqual([]);
  });
});
