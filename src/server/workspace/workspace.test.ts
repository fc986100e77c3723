// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  BodySummaryView,
  MeetingView,
  MemberView,
} from "../../domain/governance/governance-api.schema.ts";
import { storedNoticeTitle } from "../../domain/workspace/notices.ts";
import type {
  AnnouncementView,
  LibraryDocumentView,
  NotificationList,
  NotificationView,
} from "../../domain/workspace/workspace-api.schema.ts";
import { notifications, users } from "../db/schema.ts";
import { SYSTEM_SCOPE } from "../http.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { dispatchEmails, smtpMailer, sweepNotifications } from "./notifications.ts";

// The test clock reads 2026-11-22. A local SMTP server, started here, receives the e-mails.
type Received = { from: string; to: string[]; text: string };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

let ctx: TestContext;
type Account = Awaited<ReturnType<TestContext["loginAs"]>>;
let admin: Account;
let manager: Account;
let otherManager: Account;
let educator: Account;

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\ntrailer<<>>\n%%EOF\n`);

async function expectStatus<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}
const pathsOf = async (res: Response) =>
  ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
const inbox = (client: TestClient, query = "") =>
  client.get(`/workspace/notifications${query}`).then((r) => expectStatus<NotificationList>(r, 200));
/** A received message's text body, its quoted-printable soft breaks and escapes decoded. */
function bodyOf(raw: string): string {
  const [headers = "", ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return body;
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
const systemScoped = <T>(fn: Parameters<TestContext["database"]["scoped"]>[1]) =>
  ctx.database.scoped(SYSTEM_SCOPE, fn) as Promise<T>;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          text: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  ctx = await createTestContext({ mailer: smtpMailer(smtpUrl, "casacomune@test.example") });
  admin = await ctx.loginAs("comune_admin");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("announcements", () => {
  it("go to every organisation's staff, who find them in their notifications; a partner does not publish", async () => {
    const published = await expectStatus<AnnouncementView>(
      await admin.post("/workspace/announcements", {
        title: "Nuovo calendario della Cabina",
        body: "La Cabina di Regia si riunirà il terzo martedì di ogni trimestre.",
      }),
      201,
    );
    expect(published).toMatchObject({ bodyId: null, bodyName: null });
    expect(published.recipients).toBeGreaterThanOrEqual(3);
    for (const client of [manager, otherManager, educator]) {
      const { items, unread } = await inbox(client);
      expect(items.map((n) => [n.kind, n.title, n.emailStatus])).toEqual([
        ["announcement", "Avviso: Nuovo calendario della Cabina", "pending"],
      ]);
      expect(unread).toBe(1);
    }
    // The author is not notified of her own announcement.
    expect((await inbox(admin)).items).toEqual([]);
    expect(
      (await manager.post("/workspace/announcements", { title: "Avviso", body: "Un avviso di un partner." }))
        .status,
    ).toBe(403);
    const bad = await admin.post("/workspace/announcements", {
      title: "Avviso",
      body: "Un avviso per un organo che non c'è.",
      bodyId: "0190b3c5-0000-7000-8000-000000000001",
    });
    expect(bad.status).toBe(422);
    expect(await pathsOf(bad)).toEqual(["bodyId"]);
    const listed = await expectStatus<{ items: AnnouncementView[] }>(
      await educator.get("/workspace/announcements"),
      200,
    );
    expect(listed.items.map((a) => a.title)).toEqual(["Nuovo calendario della Cabina"]);
  });

  it("are read one by one or all at once, by their own account only", async () => {
    const [mine] = (await inbox(manager)).items;
    const others = (await inbox(otherManager)).items;
    // Another account's notification is not the caller's to mark.
    await expectStatus(await manager.post("/workspace/notifications/read", { ids: [others[0]?.id] }), 200);
    expect((await inbox(otherManager)).unread).toBe(1);
    const after = await expectStatus<NotificationList>(
      await manager.post("/workspace/notifications/read", { ids: [mine?.id] }),
      200,
    );
    expect(after.unread).toBe(0);
    expect(after.items[0]?.read).toBe(true);
    expect((await inbox(manager, "?unread=true")).items).toEqual([]);
    await expectStatus(await otherManager.post("/workspace/notifications/read", {}), 200);
    expect((await inbox(otherManager)).unread).toBe(0);
  });
});

describe("the document library", () => {
  it("keeps every version with who uploaded it for which organisation, and refuses a stale one", async () => {
    const form = (fields: Record<string, string>, file: File) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      data.set("file", file);
      return data;
    };
    const first = await expectStatus<LibraryDocumentView>(
      await manager.post(
        "/workspace/library",
        form(
          { title: "Modulo di segnalazione", folder: "templates", note: "Prima stesura" },
          new File([PDF("v1")], "modulo.pdf", { type: "application/pdf" }),
        ),
      ),
      201,
    );
    expect(first).toMatchObject({ currentVersion: 1, folder: "templates" });
    expect(first.versions.map((v) => [v.version, v.organisationCode, v.note])).toEqual([
      [1, "ETS-B1", "Prima stesura"],
    ]);
    const second = await expectStatus<LibraryDocumentView>(
      await otherManager.post(
        `/workspace/library/${first.id}/versions`,
        form(
          { basedOn: "1", note: "Corretti i recapiti" },
          new File([PDF("v2")], "modulo-v2.pdf", { type: "application/pdf" }),
        ),
      ),
      201,
    );
    expect(second.versions.map((v) => [v.version, v.organisationCode])).toEqual([
      [2, "ETS-B2"],
      [1, "ETS-B1"],
    ]);
    const stale = await manager.post(
      `/workspace/library/${first.id}/versions`,
      form({ basedOn: "1" }, new File([PDF("v2 bis")], "modulo.pdf", { type: "application/pdf" })),
    );
    expect(stale.status).toBe(409);
    expect(await pathsOf(stale)).toEqual(["basedOn"]);
    for (const [version, text] of [
      [1, "v1"],
      [2, "v2"],
    ] as const) {
      const res = await educator.get(`/workspace/library/${first.id}/versions/${version}`);
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF(text));
    }
    const twin = await admin.post(
      "/workspace/library",
      form(
        { title: "Modulo di segnalazione", folder: "templates" },
        new File([PDF("x")], "m.pdf", { type: "application/pdf" }),
      ),
    );
    expect(twin.status).toBe(409);
    expect(await pathsOf(twin)).toEqual(["title"]);
    const text = await manager.post(
      "/workspace/library",
      form(
        { title: "Appunti", folder: "other" },
        new File(["appunti"], "appunti.txt", { type: "text/plain" }),
      ),
    );
    expect(text.status).toBe(422);
    expect(await pathsOf(text)).toEqual(["file"]);
    const noFolder = await manager.post(
      "/workspace/library",
      form(
        { title: "Appunti", folder: "drawer" },
        new File([PDF("y")], "a.pdf", { type: "application/pdf" }),
      ),
    );
    expect(noFolder.status).toBe(400);
    expect(await pathsOf(noFolder)).toEqual(["folder"]);
    expect(
      (
        await educator.post(
          "/workspace/library",
          form(
            { title: "Di un educatore", folder: "other" },
            new File([PDF("z")], "e.pdf", { type: "application/pdf" }),
          ),
        )
      ).status,
    ).toBe(403);
  });
});

describe("notifications of what awaits a partner, in the app and by e-mail", () => {
  it("tells the organisations sitting in a body of its decision, and each partner of its overdue actions and pending referrals, once", async () => {
    const body = await expectStatus<BodySummaryView>(
      await admin.post("/governance/bodies", {
        name: "Cabina di Regia Integrata",
        level: "directive",
        establishedOn: "2026-01-15",
      }),
      201,
    );
    const member = await expectStatus<MemberView>(
      await admin.post(`/governance/bodies/${body.id}/members`, {
        personName: "Paolo Modello",
        organisationCode: "ETS-B1",
        role: "member",
        from: "2026-01-15",
      }),
      201,
    );
    const meeting = await expectStatus<MeetingView>(
      await admin.post(`/governance/bodies/${body.id}/meetings`, {
        date: "2026-10-01",
        agenda: ["Proprietari privati"],
      }),
      201,
    );
    await expectStatus(
      await admin.request("PUT", `/governance/meetings/${meeting.id}/minutes`, {
        attendeeIds: [member.id],
        minutes: "Verbale della riunione di ottobre.",
        version: meeting.version,
      }),
      200,
    );
    await expectStatus(
      await admin.post(`/governance/bodies/${body.id}/decisions`, {
        meetingId: meeting.id,
        text: "Avvio dei contatti con i proprietari privati",
        mode: "consensus",
      }),
      201,
    );
    const decisionOf = async (client: TestClient) =>
      (await inbox(client)).items.filter((n) => n.kind === "decision").map((n) => [n.title, n.link]);
    expect(await decisionOf(manager)).toEqual([
      ["Cabina di Regia Integrata: deliberazione n. 1 del 01/10/2026", `/governance/organi/${body.id}`],
    ]);
    expect(await decisionOf(educator)).toHaveLength(1);
    // ETS-B2 has no one in the body.
    expect(await decisionOf(otherManager)).toEqual([]);

    await expectStatus(
      await admin.post(`/governance/bodies/${body.id}/actions`, {
        title: "Calendarizzare gli incontri",
        ownerName: "Sara Campione",
        ownerOrganisationCode: "ETS-B2",
        dueOn: "2026-11-15",
      }),
      201,
    );
    await ctx.newHousehold({ partnerCode: "ETS-B1" });
    const added = await systemScoped<number>((db) => sweepNotifications(db, "2026-11-22", true));
    expect(added).toBeGreaterThanOrEqual(2);
    expect(
      (await inbox(otherManager)).items.filter((n) => n.kind === "action_overdue").map((n) => n.title),
    ).toEqual(["Azione in ritardo: Calendarizzare gli incontri (scadenza 15/11/2026)"]);
    const [overdue] = (await inbox(otherManager)).items.filter((n) => n.kind === "action_overdue");
    expect(overdue?.params).toEqual({ title: "Calendarizzare gli incontri", dueOn: "2026-11-15" });
    expect(storedNoticeTitle(overdue as NotificationView, "en")).toBe(
      "Overdue action: Calendarizzare gli incontri (due 15 Nov 2026)",
    );
    const referrals = (await inbox(manager)).items.filter((n) => n.kind === "referral_awaiting");
    expect(referrals).toHaveLength(1);
    expect(referrals[0]?.link).toMatch(/^\/nuclei\//);
    // An educator answers no referral, and ETS-B2's manager hears of no other partner's.
    expect((await inbox(educator)).items.filter((n) => n.kind === "referral_awaiting")).toEqual([]);
    expect((await inbox(otherManager)).items.filter((n) => n.kind === "referral_awaiting")).toEqual([]);
    // Run again: nothing new.
    expect(await systemScoped<number>((db) => sweepNotifications(db, "2026-11-22", true))).toBe(0);
  });

  it("sends the pending e-mails through the SMTP server, records each outcome, and keeps a failure", async () => {
    const pending = await ctx.db
      .select({ email: users.email })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.emailStatus, "pending"));
    expect(pending.length).toBeGreaterThan(0);
    const result = await dispatchEmails(systemScoped, smtpMailer(smtpUrl, "casacomune@test.example"), {
      publicUrl: "https://casacomune.test.example",
    });
    expect(result).toEqual({ sent: pending.length, failed: 0 });
    expect(received).toHaveLength(pending.length);
    expect(received.map((m) => m.to[0]).sort()).toEqual(pending.map((p) => p.email).sort());
    expect(received.every((m) => m.from === "casacomune@test.example")).toBe(true);
    const managerEmail = manager.email;
    const toManager = received.filter((m) => m.to[0] === managerEmail).map((m) => m.text);
    expect(
      toManager.some((t) => t.includes("Subject: [CasaComune] Cabina di Regia Integrata: deliberazione")),
    ).toBe(true);
    // The message says it in Italian and in English, with the page's full address.
    const decisionMail = bodyOf(
      toManager.find((t) => t.includes("Subject: [CasaComune] Cabina di Regia Integrata")) ?? "",
    );
    expect(decisionMail).toMatch(/Cabina di Regia Integrata: deliberazione n\. \d+ del \d\d\/\d\d\/\d{4}/);
    expect(decisionMail).toMatch(
      /Cabina di Regia Integrata: decision no\. \d+ of \d{1,2} [A-Z][a-z]{2} \d{4}/,
    );
    expect(decisionMail).toMatch(
      /Open CasaComune: https:\/\/casacomune\.test\.example\/governance\/organi\/[0-9a-f-]{36}/,
    );
    expect((await inbox(manager)).items.every((n) => n.emailStatus === "sent")).toBe(true);

    // A server that does not answer: the notification is marked failed with the error, not lost.
    await admin.post("/workspace/announcements", {
      title: "Secondo avviso",
      body: "Un altro avviso ai partner.",
    });
    const down = await dispatchEmails(
      systemScoped,
      smtpMailer("smtp://127.0.0.1:1", "casacomune@test.example"),
      { publicUrl: "https://casacomune.test.example" },
    );
    expect(down.sent).toBe(0);
    expect(down.failed).toBeGreaterThan(0);
    const failed = await ctx.db
      .select({ error: notifications.emailError })
      .from(notifications)
      .where(eq(notifications.emailStatus, "failed"));
    expect(failed).toHaveLength(down.failed);
    expect(failed[0]?.error).toMatch(/ECONNREFUSED|connect/i);
    expect((await inbox(manager)).items[0]).toMatchObject({ title: "Avviso: Secondo avviso", read: false });
  });
});
