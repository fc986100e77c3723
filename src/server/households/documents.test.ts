// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DocumentRecord } from "../../domain/households/document.schema.ts";
import type { ReferralCreated, TimelineEntry } from "../../domain/households/household-api.schema.ts";
import { findUserByEmail } from "../auth/auth.repository.ts";
import { auditEvents } from "../db/schema.ts";
import { BODY_LIMITS } from "../security.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let worker: TestClient;
let admin: TestClient;
let dpo: TestClient;
let manager: TestClient;
let teamEducator: TestClient & { email: string };
let educator: TestClient;
let otherManager: TestClient;
let startedAt: Date;
beforeAll(async () => {
  ctx = await createTestContext();
  startedAt = ctx.clock.now;
  worker = await ctx.loginAs("comune_social_worker");
  admin = await ctx.loginAs("comune_admin");
  dpo = await ctx.loginAs("comune_data_protection");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  teamEducator = await ctx.loginAs("area_b_educator", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
});
afterAll(() => ctx.close());
afterEach(() => {
  ctx.clock.now = startedAt;
});

// DOCUMENT_MAX_BYTES (a value import of the domain schema here would load it before the app that
// gives its schemas their OpenAPI names).
const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Problem = { status: number; errors: { path: string; message: string }[] };
const problemOf = async (res: Response) => (await res.json()) as Problem;
const pathsOf = async (res: Response) => (await problemOf(res)).errors.map((e) => e.path);

// Fictional files: just the signature of each type, then a line saying what they are.
const bytesOf = (head: number[], text = " fictional test document for CasaComune\n") =>
  new Uint8Array([...head, ...new TextEncoder().encode(text)]);
const PDF = bytesOf([...new TextEncoder().encode("%PDF-1.7\n")]);
const PNG = bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = bytesOf([0xff, 0xd8, 0xff, 0xe0]);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A household referred to ETS-B1, accepted by `manager`, with `teamEducator` named in its plan: both
 * are on its team; `educator` is of the same partner but not on it.
 */
async function householdWithTeam(): Promise<ReferralCreated> {
  const created = await ctx.newHousehold({ partnerCode: "ETS-B1" });
  expect((await manager.post(`/referrals/${created.referral.id}/accept`)).status).toBe(200);
  const userId = (await findUserByEmail(ctx.db, teamEducator.email))?.id;
  const plan = await manager.request("PUT", `/households/${created.household.id}/plan`, {
    version: 0,
    startDate: "2026-11-02",
    intensity: "medium",
    team: [{ role: "educator", name: "Educatrice di prova", userId }],
  });
  expect(plan.status, await plan.clone().text()).toBe(200);
  return created;
}

function form(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  if (file)
    body.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return body;
}

const socialReport = { kind: "social_report", title: "Relazione sociale di prova" };
const isee = { kind: "isee", title: "Attestazione ISEE 2026 (prova)", expiresOn: "2026-12-31" };

async function upload(
  client: TestClient,
  householdId: string,
  fields: Record<string, string>,
  file?: { bytes: Uint8Array; name: string; type: string },
) {
  const res = await client.request("POST", `/households/${householdId}/documents`, form(fields, file));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as DocumentRecord;
}

const listOf = async (client: TestClient, householdId: string) => {
  const res = await client.get(`/households/${householdId}/documents`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: DocumentRecord[] }).items;
};
const download = (client: TestClient, householdId: string, documentId: string) =>
  client.get(`/households/${householdId}/documents/${documentId}/file`);

describe("uploading a document", () => {
  it("stores a PDF with its fields and SHA-256, and gives back the same bytes as an attachment", async () => {
    const { household } = await householdWithTeam();
    const record = await upload(
      teamEducator,
      household.reference,
      { ...isee, number: "INPS-ISEE-2026-PROVA-001", issuedOn: "2026-03-15", referralId: "" },
      { bytes: PDF, name: 'C:\\scansioni\\ISEE 2026 è".pdf', type: "application/pdf" },
    );
    expect(record).toMatchObject({
      kind: "isee",
      title: "Attestazione ISEE 2026 (prova)",
      number: "INPS-ISEE-2026-PROVA-001",
      issuedOn: "2026-03-15",
      expiresOn: "2026-12-31",
      referralId: null,
      validity: "valid",
      restricted: false,
      uploadedAt: ctx.clock.now.toISOString(),
      file: {
        name: 'ISEE 2026 è".pdf',
        contentType: "application/pdf",
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
      },
    });
    expect(record.uploadedBy).toMatch(/^Test area_b_educator/);
    expect(await listOf(worker, household.id)).toEqual([record]);

    const res = await download(educator, household.id, record.id);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="ISEE 2026 e_.pdf"; filename*=UTF-8''ISEE%202026%20%C3%A8%22.pdf`,
    );
  });

  it.each([
    ["PNG", PNG, "image/png"],
    ["JPEG", JPEG, "image/jpeg"],
  ] as const)("accepts a %s image, checked by its content", async (_, bytes, type) => {
    const { household } = await householdWithTeam();
    const record = await upload(
      manager,
      household.id,
      { kind: "other", title: "Foto di prova" },
      {
        bytes,
        name: "foto",
        type,
      },
    );
    expect(record.file).toMatchObject({ contentType: type, sizeBytes: bytes.length });
    const res = await download(manager, household.id, record.id);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get("content-type")).toBe(type);
  });

  it("records a document without a file, as JSON", async () => {
    const { household } = await householdWithTeam();
    const res = await manager.post(`/households/${household.id}/documents`, {
      kind: "identity_document",
      title: "Carta d'identità (prova)",
      expiresOn: "2026-12-10",
    });
    expect(res.status).toBe(201);
    const record = (await res.json()) as DocumentRecord;
    expect(record).toMatchObject({ file: null, validity: "expiring", number: "", issuedOn: null });
    expect((await download(manager, household.id, record.id)).status).toBe(404);
  });

  it.each([
    ["a PDF declared but PNG content", { bytes: PNG, name: "finto.pdf", type: "application/pdf" }],
    ["a type documents do not carry", { bytes: bytesOf([]), name: "note.txt", type: "text/plain" }],
    [
      "an HTML page named as an image",
      { bytes: bytesOf([], "<script>x</script>"), name: "a.png", type: "image/png" },
    ],
    ["an empty file", { bytes: new Uint8Array(), name: "vuoto.pdf", type: "application/pdf" }],
  ])("refuses %s with 422 naming file, storing nothing", async (_, file) => {
    const { household } = await householdWithTeam();
    const res = await manager.request("POST", `/households/${household.id}/documents`, form(isee, file));
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["file"]);
    expect(await listOf(manager, household.id)).toEqual([]);
  });

  it("takes a file of 10 MiB, refuses one byte more with 413 naming file, and a body over the route's limit with 413", async () => {
    const { household } = await householdWithTeam();
    const largest = new Uint8Array(MAX_FILE_BYTES);
    largest.set(PDF);
    const taken = await upload(manager, household.id, isee, {
      bytes: largest,
      name: "grande.pdf",
      type: "application/pdf",
    });
    expect(taken.file).toMatchObject({ sizeBytes: MAX_FILE_BYTES, sha256: sha256(largest) });
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(PDF);
    const res = await manager.request(
      "POST",
      `/households/${household.id}/documents`,
      form(isee, { bytes: big, name: "grande.pdf", type: "application/pdf" }),
    );
    expect(res.status).toBe(413);
    expect(await pathsOf(res)).toEqual(["file"]);
    const huge = new Uint8Array(BODY_LIMITS.documentBytes + 1);
    huge.set(PDF);
    const refused = await manager.request(
      "POST",
      `/households/${household.id}/documents`,
      form(isee, { bytes: huge, name: "enorme.pdf", type: "application/pdf" }),
    );
    expect(refused.status).toBe(413);
    expect((await listOf(manager, household.id)).map((d) => d.id)).toEqual([taken.id]);
  });

  it.each([
    ["already expired", { ...isee, expiresOn: "2026-11-21" }, 422, ["expiresOn"]],
    [
      "an identity document without expiry",
      { kind: "identity_document", title: "Carta (prova)" },
      422,
      ["expiresOn"],
    ],
    ["issued in the future", { ...isee, issuedOn: "2026-11-23" }, 422, ["issuedOn"]],
    ["without a title", { kind: "other", title: " " }, 400, ["title"]],
    ["of an unknown kind", { kind: "passport", title: "Passaporto" }, 400, ["kind"]],
    ["with a date not a date", { ...isee, expiresOn: "31/12/2026" }, 400, ["expiresOn"]],
  ] as const)("refuses a document %s naming the field", async (_, fields, status, paths) => {
    const { household } = await householdWithTeam();
    for (const send of [
      () => manager.request("POST", `/households/${household.id}/documents`, form(fields)),
      () => manager.post(`/households/${household.id}/documents`, fields),
    ]) {
      const res = await send();
      expect(res.status).toBe(status);
      expect(await pathsOf(res)).toEqual(paths);
    }
  });

  it("attaches a document to a referral of the household only (422 naming referralId otherwise)", async () => {
    const { household, referral } = await householdWithTeam();
    const other = await ctx.newHousehold({ partnerCode: "ETS-B1" });
    const wrong = await worker.request(
      "POST",
      `/households/${household.id}/documents`,
      form({ ...socialReport, referralId: other.referral.id }),
    );
    expect(wrong.status).toBe(422);
    expect(await pathsOf(wrong)).toEqual(["referralId"]);
    const attached = await upload(worker, household.id, { ...socialReport, referralId: referral.id });
    expect(attached.referralId).toBe(referral.id);
  });

  it("puts documents on the timeline, with their kind and title", async () => {
    const { household } = await householdWithTeam();
    await upload(manager, household.id, isee);
    const timeline = (await (await manager.get(`/households/${household.id}/timeline`)).json()) as {
      items: TimelineEntry[];
    };
    expect(timeline.items.filter((e) => e.kind === "document")).toEqual([
      {
        at: ctx.clock.now.toISOString(),
        kind: "document",
        from: null,
        to: "isee",
        actor: { name: expect.stringMatching(/^Test area_b_manager/), role: "area_b_manager" },
        note: "Attestazione ISEE 2026 (prova)",
      },
    ]);
  });
});

describe("who reads a document's file", () => {
  it("lets only the team, the Comune's social workers and data protection download a social report", async () => {
    const { household } = await householdWithTeam();
    const report = await upload(manager, household.id, socialReport, {
      bytes: PDF,
      name: "relazione.pdf",
      type: "application/pdf",
    });
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000); // listed oldest first
    const certificate = await upload(manager, household.id, isee, {
      bytes: PNG,
      name: "isee.png",
      type: "image/png",
    });
    const readers: [string, TestClient, boolean][] = [
      ["manager on the team", manager, true],
      ["educator on the team", teamEducator, true],
      ["educator of the partner, not on the team", educator, false],
      ["Comune social worker", worker, true],
      ["Comune admin", admin, false],
      ["data protection", dpo, true],
    ];
    for (const [who, client, reads] of readers) {
      const listed = await listOf(client, household.id);
      expect(
        listed.map((d) => [d.id, d.restricted]),
        who,
      ).toEqual([
        [report.id, !reads],
        [certificate.id, false],
      ]);
      // What the file is stays listed; its content does not leave.
      expect(listed[0]?.file?.sha256, who).toBe(sha256(PDF));
      const res = await download(client, household.id, report.id);
      expect(res.status, who).toBe(reads ? 200 : 403);
      if (reads) expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
      expect((await download(client, household.id, certificate.id)).status, who).toBe(200);
    }
  });

  it("lets the managers of the addressed partner read a pending referral's social report, not its educators", async () => {
    const { household, referral } = await ctx.newHousehold({ partnerCode: "ETS-B1" });
    const attached = await upload(
      worker,
      household.id,
      { ...socialReport, referralId: referral.id },
      { bytes: PDF, name: "relazione-invio.pdf", type: "application/pdf" },
    );
    expect((await download(manager, household.id, attached.id)).status).toBe(200);
    expect((await download(educator, household.id, attached.id)).status).toBe(403);
    // Once another manager accepts, the deciding is over: the first is not on the team.
    const deciding = await ctx.loginAs("area_b_manager", "ETS-B1");
    expect((await deciding.post(`/referrals/${referral.id}/accept`)).status).toBe(200);
    expect((await download(manager, household.id, attached.id)).status).toBe(403);
    expect((await download(deciding, household.id, attached.id)).status).toBe(200);
  });

  it("keeps every read and download in the audit trail under the household, refusals as denied", async () => {
    const { household } = await householdWithTeam();
    const report = await upload(manager, household.id, socialReport, {
      bytes: PDF,
      name: "relazione.pdf",
      type: "application/pdf",
    });
    const reader = await ctx.loginAs("area_b_educator", "ETS-B1");
    expect((await reader.get(`/households/${household.reference}/documents`)).status).toBe(200);
    expect((await download(reader, household.id, report.id)).status).toBe(403);
    expect((await download(worker, household.reference, report.id)).status).toBe(200);
    const trail = await ctx.db
      .select({ action: auditEvents.action, role: auditEvents.actorRole, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "households"), eq(auditEvents.entityId, household.id)))
      .orderBy(auditEvents.seq);
    expect(trail.filter((r) => r.action.includes("/documents"))).toEqual([
      { action: "POST /households/{id}/documents", role: "area_b_manager", outcome: "success" },
      { action: "GET /households/{id}/documents", role: "area_b_educator", outcome: "success" },
      {
        action: "GET /households/{id}/documents/{documentId}/file",
        role: "area_b_educator",
        outcome: "denied",
      },
      {
        action: "GET /households/{id}/documents/{documentId}/file",
        role: "comune_social_worker",
        outcome: "success",
      },
    ]);
  });

  it("answers another partner's household exactly as a missing one (404), and a foreign or unknown document 404", async () => {
    const { household } = await householdWithTeam();
    const record = await upload(manager, household.id, isee, {
      bytes: PDF,
      name: "isee.pdf",
      type: "application/pdf",
    });
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const id of [household.id, household.reference, missing]) {
      expect((await otherManager.get(`/households/${id}/documents`)).status).toBe(404);
      expect((await download(otherManager, id, record.id)).status).toBe(404);
      const res = await otherManager.request("POST", `/households/${id}/documents`, form(isee));
      expect(res.status).toBe(404);
    }
    const other = await householdWithTeam();
    for (const documentId of [record.id, missing, "not-a-uuid"]) {
      expect((await download(manager, other.household.id, documentId)).status, documentId).toBe(404);
    }
  });

  it("refuses uploads to roles without households:write, data protection included", async () => {
    const { household } = await householdWithTeam();
    for (const role of ["comune_data_protection", "auditor", "tenant"] as const) {
      const user = await ctx.loginAs(role);
      const res = await user.request("POST", `/households/${household.id}/documents`, form(isee));
      expect(res.status, role).toBe(403);
    }
  });
});
