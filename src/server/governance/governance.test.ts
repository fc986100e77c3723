// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ActionList,
  ActionView,
  BodyDetail,
  BodyList,
  BodySummaryView,
  DecisionView,
  MeetingView,
  MemberView,
} from "../../domain/governance/governance-api.schema.ts";
import { auditEvents } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22.
let ctx: TestContext;
let admin: TestClient;
let board: TestClient;
let manager: TestClient;
let otherManager: TestClient;
let educator: TestClient;
let cabina: BodySummaryView;

type Problem = { errors: { path: string; message: string }[] };
const problemOf = async (res: Response) => (await res.json()) as Problem;
const pathsOf = async (res: Response) => (await problemOf(res)).errors.map((e) => e.path);

async function expectStatus<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const memberOf = (name: string, organisationCode: string, overrides: Record<string, unknown> = {}) => ({
  personName: name,
  organisationCode,
  role: "member",
  from: "2026-01-15",
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  board = await ctx.loginAs("steering_board");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  cabina = await expectStatus<BodySummaryView>(
    await admin.post("/governance/bodies", {
      name: "Cabina di Regia Integrata",
      level: "directive",
      establishedOn: "2026-01-15",
    }),
    201,
  );
});
afterAll(() => ctx.close());

describe("bodies", () => {
  it("sets up the one Cabina di Regia, and management and project bodies that report to the level above", async () => {
    expect(cabina).toMatchObject({ level: "directive", memberLimit: 6, activeMembers: 0, reportsToId: null });
    expect(cabina.annualReview).toEqual({ lastOn: null, dueOn: "2027-01-15", overdue: false, daysToDue: 54 });

    const second = await admin.post("/governance/bodies", {
      name: "Seconda cabina",
      level: "directive",
      establishedOn: "2026-02-01",
    });
    expect(second.status).toBe(409);
    expect(await pathsOf(second)).toEqual(["level"]);

    const orphan = await admin.post("/governance/bodies", {
      name: "Coordinamento senza riferimento",
      level: "management",
      establishedOn: "2026-02-01",
    });
    expect(orphan.status).toBe(422);
    expect(await pathsOf(orphan)).toEqual(["reportsToId"]);

    const areaB = await expectStatus<BodySummaryView>(
      await board.post("/governance/bodies", {
        name: "Coordinamento Area B",
        level: "management",
        area: "B",
        reportsToId: cabina.id,
        establishedOn: "2026-02-20",
      }),
      201,
    );
    expect(areaB).toMatchObject({
      reportsToName: "Cabina di Regia Integrata",
      memberLimit: null,
      annualReview: null,
    });
    const table = await expectStatus<BodySummaryView>(
      await admin.post("/governance/bodies", {
        name: "Tavolo abitare e lavoro",
        level: "project",
        reportsToId: areaB.id,
        establishedOn: "2026-06-01",
      }),
      201,
    );
    const underTable = await admin.post("/governance/bodies", {
      name: "Gruppo sotto il tavolo",
      level: "project",
      reportsToId: table.id,
      establishedOn: "2026-06-01",
    });
    expect(underTable.status).toBe(422);
    expect((await problemOf(underTable)).errors[0]?.message).toMatch(/directive or management/);

    const twin = await admin.post("/governance/bodies", {
      name: "Coordinamento Area B",
      level: "management",
      reportsToId: cabina.id,
      establishedOn: "2026-02-20",
    });
    expect(twin.status).toBe(409);
    expect(await pathsOf(twin)).toEqual(["name"]);

    const bad = await admin.post("/governance/bodies", { name: "X", level: "board", municipio: 12 });
    expect(bad.status).toBe(400);
    expect((await pathsOf(bad)).sort()).toEqual(["establishedOn", "level", "municipio", "name"]);

    // Listed with the Cabina first; every staff role reads them, a partner does not set them up.
    const listed = await expectStatus<BodyList>(await educator.get("/governance/bodies"), 200);
    expect(listed.bodies.map((b) => b.name)).toEqual([
      "Cabina di Regia Integrata",
      "Coordinamento Area B",
      "Tavolo abitare e lavoro",
    ]);
    expect(
      (
        await manager.post("/governance/bodies", {
          name: "Mio tavolo",
          level: "project",
          establishedOn: "2026-06-01",
        })
      ).status,
    ).toBe(403);
  });
});

describe("the Cabina's members", () => {
  it("refuses a seventh active member naming `from`, counts no referent, and takes a member after one leaves", async () => {
    const path = `/governance/bodies/${cabina.id}/members`;
    const people = [
      memberOf("Anna Esempio", "COMUNE-MI", { role: "chair" }),
      memberOf("Marco Prova", "COMUNE-MI"),
      memberOf("Lucia Fittizia", "ETS-A"),
      memberOf("Paolo Modello", "ETS-B1"),
      memberOf("Sara Campione", "ETS-B2"),
    ];
    const added: MemberView[] = [];
    for (const person of people)
      added.push(await expectStatus<MemberView>(await admin.post(path, person), 201));
    const leaver = await expectStatus<MemberView>(
      await admin.post(path, memberOf("Elena Bozza", "ETS-B3", { to: "2026-06-30" })),
      201,
    );
    expect(leaver).toMatchObject({ organisationCode: "ETS-B3", active: false, to: "2026-06-30" });

    const seventh = await admin.post(path, memberOf("Settimo Componente", "ETS-B3", { from: "2026-03-01" }));
    expect(seventh.status).toBe(409);
    const problem = await problemOf(seventh);
    expect(problem.errors).toEqual([
      {
        path: "from",
        message:
          "On 2026-03-01 Cabina di Regia Integrata would have 7 members: at most 6 (referents do not count)",
      },
    ]);
    // A referent does not count; the seventh member is taken once the leaver's term is over.
    await expectStatus(
      await admin.post(path, memberOf("Giorgio Schema", "COMUNE-MI", { role: "administrative_referent" })),
      201,
    );
    const sixth = await expectStatus<MemberView>(
      await admin.post(path, memberOf("Nuova Componente", "ETS-B3", { from: "2026-07-01" })),
      201,
    );
    expect(sixth.active).toBe(true);

    // Extending the leaver's term into the newcomer's is refused; ending a member's term is not.
    const extend = await admin.request("PUT", `/governance/members/${leaver.id}`, {
      ...memberOf("Elena Bozza", "ETS-B3", { to: "2026-07-01" }),
      version: leaver.version,
    });
    expect(extend.status).toBe(409);
    expect(await pathsOf(extend)).toEqual(["from"]);
    const first = added[1] as MemberView;
    const ended = await expectStatus<MemberView>(
      await admin.request("PUT", `/governance/members/${first.id}`, {
        ...memberOf("Marco Prova", "COMUNE-MI", { to: "2026-10-31" }),
        version: first.version,
      }),
      200,
    );
    expect(ended).toMatchObject({ active: false, version: 2 });
    const stale = await admin.request("PUT", `/governance/members/${first.id}`, {
      ...memberOf("Marco Prova", "COMUNE-MI"),
      version: first.version,
    });
    expect(stale.status).toBe(409);
    expect(await pathsOf(stale)).toEqual(["version"]);

    for (const [body, field] of [
      [memberOf("Persona", "ETS-ZZ"), "organisationCode"],
      [memberOf("Persona", "ETS-A", { from: "2025-12-31" }), "from"],
      [memberOf("Persona", "ETS-A", { role: "technical_referent", to: "2026-01-01" }), "to"],
    ] as const) {
      const res = await admin.post(path, body);
      expect(res.status, field).toBe(422);
      expect(await pathsOf(res)).toEqual([field]);
    }
    expect((await manager.post(path, memberOf("Persona", "ETS-B1"))).status).toBe(403);

    const detail = await expectStatus<BodyDetail>(await board.get(`/governance/bodies/${cabina.id}`), 200);
    expect(detail.body.activeMembers).toBe(5);
    expect(detail.members.filter((m) => m.active).map((m) => m.personName)).toEqual([
      "Anna Esempio",
      "Giorgio Schema",
      "Lucia Fittizia",
      "Paolo Modello",
      "Sara Campione",
      "Nuova Componente",
    ]);
  });
});

describe("meetings, decisions and actions", () => {
  let meeting: MeetingView;
  let detail: BodyDetail;

  beforeAll(async () => {
    detail = await expectStatus<BodyDetail>(await admin.get(`/governance/bodies/${cabina.id}`), 200);
    meeting = await expectStatus<MeetingView>(
      await admin.post(`/governance/bodies/${cabina.id}/meetings`, {
        date: "2026-09-15",
        startsAt: "10:00",
        place: "Sala riunioni",
        agenda: ["Monitoraggio del semestre", "Proprietari privati"],
      }),
      201,
    );
  });

  it("records who attended and the minutes, then numbered decisions taken by vote or consensus", async () => {
    expect(meeting).toMatchObject({ held: false, minutes: null, attendeeIds: [] });
    const decideEarly = await admin.post(`/governance/bodies/${cabina.id}/decisions`, {
      meetingId: meeting.id,
      text: "Decisione prima del verbale",
      mode: "consensus",
    });
    expect(decideEarly.status).toBe(409);
    expect(await pathsOf(decideEarly)).toEqual(["meetingId"]);

    const onSeptember = detail.members.filter(
      (m) => m.from <= "2026-09-15" && (m.to === null || m.to >= "2026-09-15"),
    );
    const voters = onSeptember.filter((m) => m.role === "chair" || m.role === "member");
    const referent = onSeptember.find((m) => m.role === "administrative_referent") as MemberView;
    const leaver = detail.members.find((m) => m.to === "2026-06-30") as MemberView;
    const withLeaver = await admin.request("PUT", `/governance/meetings/${meeting.id}/minutes`, {
      attendeeIds: [leaver.id],
      minutes: "Verbale della riunione di settembre.",
      version: meeting.version,
    });
    expect(withLeaver.status).toBe(422);
    expect(await pathsOf(withLeaver)).toEqual(["attendeeIds"]);

    const present = voters.slice(0, 4);
    const held = await expectStatus<MeetingView>(
      await admin.request("PUT", `/governance/meetings/${meeting.id}/minutes`, {
        attendeeIds: [...present.map((m) => m.id), referent.id],
        minutes: "Esaminati gli indicatori del semestre. Approvato l'avvio dei contatti.",
        version: meeting.version,
      }),
      200,
    );
    expect(held).toMatchObject({ held: true, version: 2 });
    expect(held.attendeeIds).toHaveLength(5);

    // Four members who may vote attended (the referent does not vote): five votes are too many.
    const tooMany = await admin.post(`/governance/bodies/${cabina.id}/decisions`, {
      meetingId: meeting.id,
      text: "Approvazione del rapporto",
      mode: "vote",
      votesFor: 4,
      votesAgainst: 0,
      abstentions: 1,
    });
    expect(tooMany.status).toBe(422);
    expect(await pathsOf(tooMany)).toEqual(["votesFor"]);
    const first = await expectStatus<DecisionView>(
      await admin.post(`/governance/bodies/${cabina.id}/decisions`, {
        meetingId: meeting.id,
        text: "Approvazione del rapporto di monitoraggio",
        mode: "vote",
        votesFor: 3,
        votesAgainst: 0,
        abstentions: 1,
      }),
      201,
    );
    const second = await expectStatus<DecisionView>(
      await board.post(`/governance/bodies/${cabina.id}/decisions`, {
        meetingId: meeting.id,
        text: "Avvio dei contatti con le associazioni dei proprietari",
        mode: "consensus",
      }),
      201,
    );
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second).toMatchObject({ date: "2026-09-15", votesFor: null });

    const future = await expectStatus<MeetingView>(
      await admin.post(`/governance/bodies/${cabina.id}/meetings`, {
        date: "2026-12-15",
        agenda: ["Revisione annuale del modello di governance"],
        annualReview: true,
      }),
      201,
    );
    const early = await admin.request("PUT", `/governance/meetings/${future.id}/minutes`, {
      attendeeIds: [],
      minutes: "Verbale scritto in anticipo.",
      version: future.version,
    });
    expect(early.status).toBe(409);
    expect(await pathsOf(early)).toEqual(["minutes"]);
    const listed = await expectStatus<BodyList>(await admin.get("/governance/bodies"), 200);
    expect(listed.bodies.find((b) => b.id === cabina.id)).toMatchObject({ nextMeetingOn: "2026-12-15" });
  });

  it("keeps attachments of a meeting, a PDF, PNG or JPEG, and gives them back", async () => {
    const saved = await expectStatus<MeetingView>(
      await admin.upload(
        `/governance/meetings/${meeting.id}/attachments`,
        new File([PDF], "verbale firmato.pdf", { type: "application/pdf" }),
      ),
      201,
    );
    const [file] = saved.attachments;
    expect(file).toMatchObject({ fileName: "verbale firmato.pdf", contentType: "application/pdf" });
    const back = await educator.get(`/governance/attachments/${file?.id}`);
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(PDF);
    const text = await admin.upload(
      `/governance/meetings/${meeting.id}/attachments`,
      new File(["ciao"], "nota.txt", { type: "text/plain" }),
    );
    expect(text.status).toBe(422);
    expect(await pathsOf(text)).toEqual(["file"]);
  });

  it("lists overdue actions per person; a partner's manager changes only its organisation's", async () => {
    const path = `/governance/bodies/${cabina.id}/actions`;
    const decisions = (
      await expectStatus<BodyDetail>(await admin.get(`/governance/bodies/${cabina.id}`), 200)
    ).decisions;
    const late = await expectStatus<ActionView>(
      await admin.post(path, {
        title: "Calendarizzare gli incontri con i proprietari",
        ownerName: "Paolo Modello",
        ownerOrganisationCode: "ETS-B1",
        dueOn: "2026-11-01",
        decisionId: decisions[1]?.id,
      }),
      201,
    );
    expect(late).toMatchObject({ overdue: true, daysOverdue: 21, decisionNumber: 2, status: "open" });
    const alsoLate = await expectStatus<ActionView>(
      await admin.post(path, {
        title: "Pubblicare il rapporto",
        ownerName: "Sara Campione",
        ownerOrganisationCode: "ETS-B2",
        dueOn: "2026-11-20",
      }),
      201,
    );
    await expectStatus(
      await admin.post(path, {
        title: "Preparare la revisione annuale",
        ownerName: "Lucia Fittizia",
        ownerOrganisationCode: "ETS-A",
        dueOn: "2026-12-10",
      }),
      201,
    );
    const wrongDecision = await admin.post(path, {
      title: "Azione con decisione altrui",
      ownerName: "Lucia Fittizia",
      ownerOrganisationCode: "ETS-A",
      dueOn: "2026-12-10",
      decisionId: "0190b3c5-0000-7000-8000-000000000001",
    });
    expect(wrongDecision.status).toBe(422);
    expect(await pathsOf(wrongDecision)).toEqual(["decisionId"]);

    const overdue = await expectStatus<ActionList>(
      await educator.get("/governance/actions?overdue=true"),
      200,
    );
    expect(overdue.items.map((a) => a.title)).toEqual([
      "Calendarizzare gli incontri con i proprietari",
      "Pubblicare il rapporto",
    ]);
    expect(overdue.overdueByOwner).toEqual([
      { ownerName: "Paolo Modello", ownerOrganisationCode: "ETS-B1", actions: 1 },
      { ownerName: "Sara Campione", ownerOrganisationCode: "ETS-B2", actions: 1 },
    ]);
    expect(overdue.items.map((a) => a.editable)).toEqual([false, false]);
    const mine = await expectStatus<ActionList>(
      await manager.get("/governance/actions?owner=paolo%20modello"),
      200,
    );
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]?.editable).toBe(true);

    // ETS-B1's manager closes its own action; not ETS-B2's; its educator cannot.
    const update = (a: ActionView, changes: Record<string, unknown>) => ({
      status: a.status,
      dueOn: a.dueOn,
      note: a.note,
      version: a.version,
      ...changes,
    });
    expect(
      (
        await manager.request(
          "PUT",
          `/governance/actions/${alsoLate.id}`,
          update(alsoLate, { status: "done" }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await educator.request("PUT", `/governance/actions/${late.id}`, update(late, { status: "done" })))
        .status,
    ).toBe(403);
    const done = await expectStatus<ActionView>(
      await manager.request(
        "PUT",
        `/governance/actions/${late.id}`,
        update(late, { status: "done", note: "Fatto" }),
      ),
      200,
    );
    expect(done).toMatchObject({ status: "done", overdue: false, daysOverdue: 0, version: 2 });
    const stale = await otherManager.request("PUT", `/governance/actions/${alsoLate.id}`, {
      ...update(alsoLate, { status: "done" }),
      version: 7,
    });
    expect(stale.status).toBe(409);

    const after = await expectStatus<ActionList>(
      await board.get(`/governance/actions?overdue=true&bodyId=${cabina.id}`),
      200,
    );
    expect(after.overdueByOwner).toEqual([
      { ownerName: "Sara Campione", ownerOrganisationCode: "ETS-B2", actions: 1 },
    ]);
    const summary = (await expectStatus<BodyList>(await board.get("/governance/bodies"), 200)).bodies.find(
      (b) => b.id === cabina.id,
    );
    expect(summary).toMatchObject({ openActions: 2, overdueActions: 1 });

    const trail = await ctx.db
      .select({ role: auditEvents.actorRole, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "governance_action"), eq(auditEvents.entityId, late.id)));
    expect(trail).toContainEqual({ role: "area_b_manager", outcome: "success" });
  });

  it("moves the annual review a year on once the Cabina has held it", async () => {
    const review = await expectStatus<MeetingView>(
      await admin.post(`/governance/bodies/${cabina.id}/meetings`, {
        date: "2026-11-20",
        agenda: ["Revisione annuale anticipata del modello"],
        annualReview: true,
      }),
      201,
    );
    await expectStatus(
      await admin.request("PUT", `/governance/meetings/${review.id}/minutes`, {
        attendeeIds: [],
        minutes: "Rivisto il modello di governance: confermati i tre livelli.",
        version: review.version,
      }),
      200,
    );
    const listed = await expectStatus<BodyList>(await admin.get("/governance/bodies"), 200);
    expect(listed.bodies.find((b) => b.id === cabina.id)?.annualReview).toEqual({
      lastOn: "2026-11-20",
      dueOn: "2027-11-20",
      overdue: false,
      daysToDue: 363,
    });
    const areaB = listed.bodies.find((b) => b.level === "management") as BodySummaryView;
    const notCabina = await admin.post(`/governance/bodies/${areaB.id}/meetings`, {
      date: "2026-12-01",
      agenda: ["Revisione"],
      annualReview: true,
    });
    expect(notCabina.status).toBe(422);
    expect(await pathsOf(notCabina)).toEqual(["annualReview"]);
  });
});

describe("who reads governance", () => {
  it("gives no governance to a tenant or the data-protection role", async () => {
    const dpo = await ctx.loginAs("comune_data_protection");
    expect((await dpo.get("/governance/bodies")).status).toBe(403);
    expect((await dpo.get("/governance/actions")).status).toBe(403);
  });
});
