// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditAccessList } from "../../domain/audit/audit-access.schema.ts";
import {
  type AuditFields,
  type ChainHead,
  chainHash,
  formatChainHead,
} from "../../domain/audit/audit-chain.ts";
import type { Db } from "../db/client.ts";
import { auditEvents, auditHead } from "../db/schema.ts";
import { API_BASE, type AppEnv, IdParam, SYSTEM_SCOPE, scopeOfActor, securedRoute } from "../http.ts";
import { auditVerifyMain } from "../scripts/audit-verify.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { auditRequests } from "./audit.middleware.ts";
import { auditRecordsAfter } from "./audit.repository.ts";
import { recordAudit, type VerifyResult, verifyAuditTrail } from "./audit.service.ts";

let ctx: TestContext;
let admin: TestClient;
let auditor: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  auditor = await ctx.loginAs("auditor");
});
afterAll(() => ctx.close());

/** The message of a database error and of what it wraps (drizzle wraps the driver's error). */
function messageOf(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e; cur instanceof Error; cur = cur.cause) parts.push(cur.message);
  return parts.join(" | ");
}

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    return messageOf(e);
  }
  throw new Error("expected the statement to fail");
}

const seqsOf = async (db: Db) =>
  (await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).map(
    (r) => r.seq,
  );

const headOf = async (db: Db): Promise<ChainHead> => {
  const [head] = await db.select({ seq: auditHead.seq, hash: auditHead.hash }).from(auditHead);
  if (!head) throw new Error("no head");
  return head;
};

const recordAt = async (db: Db, seq: number) => {
  const [record] = await auditRecordsAfter(db, seq - 1, 1);
  if (record?.seq !== seq) throw new Error(`no record ${seq}`);
  return record;
};

class Rollback extends Error {}

/**
 * Tamper with the trail as the owner would, triggers off, verify inside the same transaction, then
 * roll everything back.
 */
async function verifyTampered(tamper: (tx: Db) => Promise<void>, anchor?: ChainHead): Promise<VerifyResult> {
  let result: VerifyResult | null = null;
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tamper(tx);
      result = await verifyAuditTrail(tx, { anchor: anchor ?? null });
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (result === null) throw new Error("not verified");
  return result;
}

/** A few dozen real records: sign-ins, unit changes, refusals and failures, from several addresses. */
async function buildTrailThroughTheApi() {
  await ctx.loginAs("comune_housing_officer");
  await ctx.loginAs("area_b_manager", "ETS-B1");
  await ctx.anonymous.post("/auth/login", {
    email: "nobody@test.casacomune.example",
    password: "wrong-password",
  });
  for (let i = 0; i < 10; i += 1) {
    const from = { "x-forwarded-for": `203.0.113.${10 + i}` };
    const created = await admin.request("POST", "/units", ctx.unitInput(), from);
    const unit = (await created.json()) as { id: string; code: string; version: number };
    await admin.request("PATCH", `/units/${unit.code}`, { notes: `Nota ${i}`, version: unit.version }, from);
    await admin.request("POST", `/units/${unit.id}/transitions`, { to: "offered", note: "" }, from);
    await admin.request("PATCH", `/units/${unit.id}`, { notes: "stale", version: unit.version }, from);
    await auditor.request("PATCH", `/units/${unit.id}`, { notes: "no", version: 9 }, from);
    await ctx.anonymous.get(`/units/${unit.id}`);
  }
}

describe("the audit trail is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE to the application role (permission denied)", async () => {
    expect(await seqsOf(ctx.db)).not.toHaveLength(0);
    for (const statement of [
      sql`update audit_events set action = 'x'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      expect(await failure(ctx.database.scoped(SYSTEM_SCOPE, (db) => db.execute(statement)))).toMatch(
        /permission denied/,
      );
    }
  });

  it("refuses UPDATE, DELETE and TRUNCATE to the owner too, by trigger", async () => {
    expect(await failure(ctx.db.execute(sql`update audit_events set action = 'x' where seq = 1`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await failure(ctx.db.execute(sql`delete from audit_events where seq = 1`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await failure(ctx.db.execute(sql`truncate audit_events`))).toMatch(
      /append-only: TRUNCATE refused/,
    );
    expect((await verifyAuditTrail(ctx.db)).broken).toBeNull();
  });
});

describe("tamper evidence", () => {
  type Case = { name: string; seq: number; tamper: (tx: Db) => Promise<void> };
  const cases: Case[] = [];
  let n = 0;

  beforeAll(async () => {
    await buildTrailThroughTheApi();
    n = (await headOf(ctx.db)).seq;
    const mid = Math.floor(n / 2);
    const update = (seq: number, set: ReturnType<typeof sql>) => async (tx: Db) => {
      await tx.execute(sql`update audit_events set ${set} where seq = ${seq}`);
    };
    const fieldChanges: [string, ReturnType<typeof sql>][] = [
      ["action", sql`action = action || '.'`],
      ["entity", sql`entity = coalesce(entity, '') || 's'`],
      ["entity_id", sql`entity_id = coalesce(entity_id, '') || '0'`],
      [
        "actor",
        sql`actor_id = case when actor_id is null then '8f0b3d55-7a4e-4c1e-9b2a-5d7e0c3a9f11'::uuid else null end`,
      ],
      [
        "actor_role",
        sql`actor_role = case when actor_role = 'auditor' then 'comune_admin' else 'auditor' end`,
      ],
      [
        "organisation_id",
        sql`organisation_id = case when organisation_id is null then (select id from organisations order by code limit 1) else null end`,
      ],
      ["outcome", sql`outcome = case when outcome = 'success' then 'denied' else 'success' end`],
      ["detail", sql`detail = detail || '{"forged": true}'::jsonb`],
      ["address", sql`address = coalesce(address, '') || '1'`],
    ];
    for (const [field, set] of fieldChanges) {
      for (const seq of [1, mid, n])
        cases.push({ name: `${field} of record ${seq} changed`, seq, tamper: update(seq, set) });
    }
    // The time three ways: a second, a microsecond (below what the hash sees), a day back.
    for (const [seq, by] of [
      [1, "1 second"],
      [mid, "1 microsecond"],
      [n, "-1 day"],
    ] as const) {
      cases.push({
        name: `at of record ${seq} changed by ${by}`,
        seq,
        tamper: update(seq, sql`at = at + ${by}::interval`),
      });
    }
    const remove = (where: ReturnType<typeof sql>) => async (tx: Db) => {
      await tx.execute(sql`delete from audit_events where ${where}`);
    };
    for (const seq of [2, mid, n - 1])
      cases.push({ name: `middle record ${seq} deleted`, seq, tamper: remove(sql`seq = ${seq}`) });
    cases.push({ name: "first record deleted", seq: 1, tamper: remove(sql`seq = 1`) });
    cases.push({ name: "last record deleted (the head tells)", seq: n, tamper: remove(sql`seq = ${n}`) });
    cases.push({ name: "last three records deleted", seq: n - 2, tamper: remove(sql`seq > ${n - 3}`) });

    const forged = (seq: number, prevHash: string): AuditFields & { seq: number; prevHash: string } => ({
      seq,
      prevHash,
      at: new Date("2026-11-22T08:00:00Z"),
      actorId: null,
      actorRole: "comune_admin",
      organisationId: null,
      action: "PATCH /units/{id}",
      entity: "units",
      entityId: "forged",
      address: "198.51.100.1",
      outcome: "success",
      detail: { status: 200 },
    });
    cases.push({
      name: "forged record appended with a correct hash, head left",
      seq: n + 1,
      tamper: async (tx) => {
        const head = await headOf(tx);
        const f = forged(n + 1, head.hash);
        await tx.insert(auditEvents).values({ ...f, hash: chainHash(f.prevHash, f.seq, f) });
      },
    });
    cases.push({
      name: "forged record appended with a made-up hash",
      seq: n + 1,
      tamper: async (tx) => {
        const head = await headOf(tx);
        await tx.insert(auditEvents).values({ ...forged(n + 1, head.hash), hash: "f".repeat(64) });
      },
    });
    cases.push({
      name: "forged record appended, head seq moved but not its hash",
      seq: n + 1,
      tamper: async (tx) => {
        const head = await headOf(tx);
        const f = forged(n + 1, head.hash);
        await tx.insert(auditEvents).values({ ...f, hash: chainHash(f.prevHash, f.seq, f) });
        await tx.update(auditHead).set({ seq: n + 1 });
      },
    });
    cases.push({
      name: `forged record with a correct hash in place of record ${mid} (the next link tells)`,
      seq: mid + 1,
      tamper: async (tx) => {
        const original = await recordAt(tx, mid);
        await tx.delete(auditEvents).where(eq(auditEvents.seq, mid));
        const f = forged(mid, original.prevHash);
        await tx.insert(auditEvents).values({ ...f, hash: chainHash(f.prevHash, f.seq, f) });
      },
    });

    const swapContent = (a: number, b: number) => async (tx: Db) => {
      const ra = await recordAt(tx, a);
      const rb = await recordAt(tx, b);
      const content = ({ seq, prevHash, hash, ...fields }: typeof ra) => fields;
      await tx.update(auditEvents).set(content(rb)).where(eq(auditEvents.seq, a));
      await tx.update(auditEvents).set(content(ra)).where(eq(auditEvents.seq, b));
    };
    for (const [a, b] of [
      [mid, mid + 1],
      [1, n],
      [3, 7],
    ] as const) {
      cases.push({
        name: `content of records ${a} and ${b} swapped`,
        seq: Math.min(a, b),
        tamper: swapContent(a, b),
      });
    }
    cases.push({
      name: "records 2 and 3 swapped whole, seq included",
      seq: 2,
      tamper: async (tx) => {
        await tx.execute(sql`update audit_events set seq = -2 where seq = 2`);
        await tx.execute(sql`update audit_events set seq = 2 where seq = 3`);
        await tx.execute(sql`update audit_events set seq = 3 where seq = -2`);
      },
    });

    const rewriteWithOwnHash = (seq: number) => async (tx: Db) => {
      const r = await recordAt(tx, seq);
      const fields = { ...r, outcome: r.outcome === "success" ? ("denied" as const) : ("success" as const) };
      await tx
        .update(auditEvents)
        .set({ outcome: fields.outcome, hash: chainHash(r.prevHash, r.seq, fields) })
        .where(eq(auditEvents.seq, seq));
    };
    for (const seq of [1, mid, n - 1]) {
      cases.push({
        name: `record ${seq} rewritten with its own hash recomputed (the next link tells)`,
        seq: seq + 1,
        tamper: rewriteWithOwnHash(seq),
      });
    }
    cases.push({
      name: "last record rewritten with its own hash recomputed (the head tells)",
      seq: n,
      tamper: rewriteWithOwnHash(n),
    });
    cases.push({
      name: "head hash changed",
      seq: n,
      tamper: async (tx) => {
        await tx.update(auditHead).set({ hash: "e".repeat(64) });
      },
    });
    cases.push({
      name: "head seq moved back one",
      seq: n,
      tamper: async (tx) => {
        await tx.update(auditHead).set({ seq: n - 1 });
      },
    });
  });

  it("builds the trail through the API: sign-ins, unit changes, refusals and failures", async () => {
    expect(n).toBeGreaterThanOrEqual(60);
    const outcomes = new Set((await auditRecordsAfter(ctx.db, 0, 1000)).map((r) => r.outcome));
    expect(outcomes).toEqual(new Set(["success", "denied", "failure"]));
    expect(await verifyAuditTrail(ctx.db)).toEqual({ records: n, head: await headOf(ctx.db), broken: null });
  });

  it("detects 50 of 50 tamperings, each at the right record", async () => {
    expect(cases).toHaveLength(50);
    const missed: string[] = [];
    const misplaced: string[] = [];
    for (const c of cases) {
      const { broken } = await verifyTampered(c.tamper);
      if (broken === null) missed.push(c.name);
      else if (broken.seq !== c.seq) misplaced.push(`${c.name}: found at ${broken.seq} (${broken.reason})`);
    }
    const detected = cases.length - missed.length;
    console.info(`tamper evidence: ${detected}/${cases.length} detected on a trail of ${n} records`);
    expect(missed).toEqual([]);
    expect(misplaced).toEqual([]);
    // Every tampering was rolled back.
    expect((await verifyAuditTrail(ctx.db)).broken).toBeNull();
  });

  it("needs the anchor kept outside for a cut tail with a rewritten head, or a rebuilt tail", async () => {
    const anchor = await headOf(ctx.db);
    const cut = async (tx: Db) => {
      const keep = await recordAt(tx, anchor.seq - 5);
      await tx.execute(sql`delete from audit_events where seq > ${keep.seq}`);
      await tx.update(auditHead).set({ seq: keep.seq, hash: keep.hash });
    };
    const rebuild = async (tx: Db) => {
      const from = anchor.seq - 10;
      let prevHash = (await recordAt(tx, from)).prevHash;
      for (const r of await auditRecordsAfter(tx, from - 1, 100)) {
        const fields = { ...r, prevHash, address: "192.0.2.99" };
        const hash = chainHash(prevHash, r.seq, fields);
        await tx
          .update(auditEvents)
          .set({ prevHash, address: fields.address, hash })
          .where(eq(auditEvents.seq, r.seq));
        prevHash = hash;
      }
      await tx.update(auditHead).set({ hash: prevHash });
    };
    expect((await verifyTampered(cut)).broken).toBeNull();
    expect((await verifyTampered(cut, anchor)).broken).toEqual({
      seq: anchor.seq - 4,
      reason: expect.stringMatching(/before the anchor/),
    });
    expect((await verifyTampered(rebuild)).broken).toBeNull();
    expect((await verifyTampered(rebuild, anchor)).broken).toEqual({
      seq: anchor.seq,
      reason: expect.stringMatching(/not the record of the anchor/),
    });
  });
});

describe("concurrent writers", () => {
  const expectGapless = async (from: number, added: number) => {
    const seqs = await seqsOf(ctx.db);
    expect(seqs).toEqual(Array.from({ length: from + added }, (_, i) => i + 1));
    expect((await verifyAuditTrail(ctx.db)).broken).toBeNull();
  };

  it("100 concurrent recordAudit calls leave seq 1..N without gaps and a valid chain", async () => {
    const before = (await headOf(ctx.db)).seq;
    const actor = await ctx.actor("comune_housing_officer");
    const seqs = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        recordAudit(ctx.database, i % 2 === 0 ? scopeOfActor(actor) : SYSTEM_SCOPE, {
          at: ctx.clock.now,
          actorId: actor.userId,
          actorRole: actor.role,
          organisationId: actor.organisationId,
          action: "GET /units/{id}",
          entity: "units",
          entityId: "limit-probe",
          address: `198.51.100.${i}`,
          outcome: "success",
          detail: { status: 200, i },
        }),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => before + i + 1));
    await expectGapless(before, 100);
    console.info(
      `concurrency: 100 concurrent recordAudit calls → seq ${before + 1}..${before + 100}, chain valid`,
    );
  });

  it("100 concurrent audited HTTP requests leave one record each, seq without gaps and a valid chain", async () => {
    const before = (await headOf(ctx.db)).seq;
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        // A quarter creates units, the rest are refused or invalid: every kind of audited outcome.
        const response =
          i % 4 === 0
            ? await admin.post("/units", ctx.unitInput())
            : i % 4 === 1
              ? await auditor.post("/units", ctx.unitInput())
              : i % 4 === 2
                ? await ctx.anonymous.patch("/units/x", { version: 1 })
                : await admin.patch("/units/x", { surfaceM2: -1 });
        return response.status;
      }),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(25);
    expect(new Set(statuses)).toEqual(new Set([201, 403, 401, 400]));
    await expectGapless(before, 100);
    console.info(
      `concurrency: 100 concurrent audited requests → seq ${before + 1}..${before + 100}, chain valid`,
    );
  });
});

describe("audited reads", () => {
  it("records reads of a route declared with auditReads, with the entity and id, and no read elsewhere", async () => {
    const actor = await ctx.actor("auditor");
    const deps = {
      database: ctx.database,
      policy: { idleMinutes: 30, maxHours: 12 },
      secureCookies: false,
      trustProxy: true,
      securityContact: "mailto:security@test.casacomune.example",
      oidc: null,
      now: () => ctx.clock.now,
    };
    const Thing = z.object({ id: z.string() });
    const read = (path: string, auditReads: boolean) =>
      createRoute(
        securedRoute(
          "units:read",
          {
            method: "get",
            path,
            request: { params: IdParam },
            responses: {
              200: { description: "A thing", content: { "application/json": { schema: Thing } } },
            },
          },
          { auditReads },
        ),
      );
    const api = new OpenAPIHono<AppEnv>();
    api.use("*", async (c, next) => {
      c.set("actor", actor);
      await next();
    });
    api.use("*", auditRequests(deps));
    api.openapi(read("/households/{id}", true), (c) => c.json({ id: c.req.valid("param").id }, 200));
    api.openapi(read("/plain/{id}", false), (c) => c.json({ id: c.req.valid("param").id }, 200));
    const app = new OpenAPIHono().route(API_BASE, api);

    const before = (await headOf(ctx.db)).seq;
    const get = (path: string) =>
      app.request(`${API_BASE}${path}`, { headers: { "x-forwarded-for": "203.0.113.200" } });
    expect((await get("/households/H-42")).status).toBe(200);
    expect((await get("/plain/P-1")).status).toBe(200);

    const added = await auditRecordsAfter(ctx.db, before, 10);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "GET /households/{id}",
      entity: "households",
      entityId: "H-42",
      actorId: actor.userId,
      actorRole: "auditor",
      address: "203.0.113.200",
      outcome: "success",
      detail: { status: 200 },
    });
  });
});

describe("who accessed a record", () => {
  let unit: { id: string; code: string; version: number };
  beforeAll(async () => {
    const officer = await ctx.loginAs("comune_housing_officer");
    unit = (await (await officer.post("/units", ctx.unitInput())).json()) as typeof unit;
    // Changed by code and by uuid: both land on the uuid.
    await officer.patch(`/units/${unit.code}`, { notes: "Infissi da sostituire", version: unit.version });
    await officer.post(`/units/${unit.id}/transitions`, { to: "offered", note: "" });
    await admin.get(`/units/${unit.code}`);
  });

  const accessesOf = async (client: TestClient, id: string) => {
    const response = await client.get(`/audit/records?entity=units&id=${encodeURIComponent(id)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as AuditAccessList).items;
  };

  it.each(["comune_admin", "auditor"] as const)(
    "shows %s who opened and changed a unit, newest first",
    async (role) => {
      const client = await ctx.loginAs(role);
      const items = await accessesOf(client, unit.id);
      expect(items.map((i) => i.action)).toEqual([
        "GET /units/{id}",
        "POST /units/{id}/transitions",
        "PATCH /units/{id}",
        "POST /units",
      ]);
      expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => b - a));
      // The opening was by code, and lands on the uuid.
      expect(items[0]?.actor?.role).toBe("comune_admin");
      expect(items[1]).toMatchObject({
        outcome: "success",
        actor: {
          name: expect.stringMatching(/^Test comune_housing_officer/),
          role: "comune_housing_officer",
        },
        organisationId: expect.any(String),
        address: expect.any(String),
      });
      expect(new Date(items[1]?.at ?? "").toISOString()).toBe(items[1]?.at);
    },
  );

  it("keeps the consultation of the register in the trail too", async () => {
    const before = (await headOf(ctx.db)).seq;
    await accessesOf(auditor, unit.id);
    const [record] = await auditRecordsAfter(ctx.db, before, 1);
    expect(record).toMatchObject({
      action: "GET /audit/records",
      entity: "audit",
      entityId: `units/${unit.id}`,
    });
  });

  it("returns at most 200 accesses, the newest", async () => {
    // The concurrency test above wrote 100 accesses to this id; go past the limit.
    const existing = (await accessesOf(admin, "limit-probe")).length;
    await Promise.all(
      Array.from({ length: Math.max(1, 201 - existing) }, () =>
        recordAudit(ctx.database, SYSTEM_SCOPE, {
          at: ctx.clock.now,
          actorId: null,
          actorRole: null,
          organisationId: null,
          action: "GET /units/{id}",
          entity: "units",
          entityId: "limit-probe",
          address: null,
          outcome: "denied",
          detail: { status: 401 },
        }),
      ),
    );
    const limited = await accessesOf(admin, "limit-probe");
    expect(limited).toHaveLength(200);
    expect(limited[0]?.seq).toBeGreaterThan(limited[199]?.seq ?? Number.POSITIVE_INFINITY);
    expect(limited[0]?.actor).toBeNull();
  });

  it.each([
    "comune_housing_officer",
    "comune_social_worker",
    "area_b_manager",
    "steering_board",
    "tenant",
  ] as const)("refuses %s (no audit:read) with 403", async (role) => {
    const client = await ctx.loginAs(role);
    expect((await client.get(`/audit/records?entity=units&id=${unit.id}`)).status).toBe(403);
  });

  it("refuses an anonymous caller with 401", async () => {
    expect((await ctx.anonymous.get(`/audit/records?entity=units&id=${unit.id}`)).status).toBe(401);
  });

  it("names the missing fields", async () => {
    const response = await admin.get("/audit/records?entity=units");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "id",
    ]);
  });
});

describe("npm run audit:verify", () => {
  const run = async (args: string[] = []) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await auditVerifyMain(ctx.database, args, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  /** Change the database for real (the command opens its own transaction), then put it back. */
  async function whileTampered<T>(
    tamper: () => Promise<() => Promise<void>>,
    fn: () => Promise<T>,
  ): Promise<T> {
    await ctx.db.execute(sql`alter table audit_events disable trigger user`);
    let restore: () => Promise<void> = async () => {};
    try {
      restore = await tamper();
      return await fn();
    } finally {
      await restore();
      await ctx.db.execute(sql`alter table audit_events enable trigger user`);
    }
  }

  it("prints the count and the head, and exits 0 on a valid trail", async () => {
    const head = await headOf(ctx.db);
    const { code, out, err } = await run();
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain(`Audit trail: ${head.seq} records.`);
    expect(out).toContain(`Head: seq ${head.seq}, hash ${head.hash}`);
    expect(out).toContain(`Anchor to keep outside the database: ${formatChainHead(head)}`);
    expect((await run(["--expect-head", formatChainHead(head)])).code).toBe(0);
    expect(
      (await run(["--expect-head", formatChainHead({ seq: 3, hash: (await recordAt(ctx.db, 3)).hash })]))
        .code,
    ).toBe(0);
  });

  it("prints the first broken record and the reason, and exits 1 on a tampered trail", async () => {
    const original = await recordAt(ctx.db, 7);
    const result = await whileTampered(
      async () => {
        await ctx.db
          .update(auditEvents)
          .set({ action: "GET /units/{id}/forged" })
          .where(eq(auditEvents.seq, 7));
        return async () => {
          await ctx.db.update(auditEvents).set({ action: original.action }).where(eq(auditEvents.seq, 7));
        };
      },
      () => run(),
    );
    expect(result.code).toBe(1);
    expect(result.err).toBe("BROKEN at record 7: its content does not match its hash");
    expect((await run()).code).toBe(0);
  });

  it("with --expect-head, fails on a cut tail whose head was rewritten, which alone looks whole", async () => {
    const anchor = await headOf(ctx.db);
    const result = await whileTampered(
      async () => {
        const tail = await auditRecordsAfter(ctx.db, anchor.seq - 3, 10);
        const keep = await recordAt(ctx.db, anchor.seq - 3);
        await ctx.db.execute(sql`delete from audit_events where seq > ${keep.seq}`);
        await ctx.db.update(auditHead).set({ seq: keep.seq, hash: keep.hash });
        return async () => {
          await ctx.db.insert(auditEvents).values(tail);
          await ctx.db.update(auditHead).set(anchor);
        };
      },
      async () => ({ plain: await run(), anchored: await run(["--expect-head", formatChainHead(anchor)]) }),
    );
    expect(result.plain.code).toBe(0);
    expect(result.anchored.code).toBe(1);
    expect(result.anchored.err).toMatch(
      new RegExp(`^BROKEN at record ${anchor.seq - 2}: .*before the anchor`),
    );
    expect((await run(["--expect-head", formatChainHead(anchor)])).code).toBe(0);
  });

  it("exits 2 on a malformed anchor", async () => {
    const { code, err } = await run(["--expect-head", "12"]);
    expect(code).toBe(2);
    expect(err).toMatch(/<seq>:<hash>/);
    expect((await run(["--unknown"])).code).toBe(2);
  });
});
