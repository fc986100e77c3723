// SPDX-License-Identifier: EUPL-1.2
import { inject } from "vitest";
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_ORGANISATIONS } from "../../domain/demo/demo-programme.ts";
import { type UnitCreate, UnitCreate as UnitCreateSchema } from "../../domain/units/unit.schema.ts";
import { createApp } from "../app.ts";
import { findUserByEmail } from "../auth/auth.repository.ts";
import { type Actor, createUser, resolveSession } from "../auth/auth.service.ts";
import type { OidcSettings } from "../auth/oidc.service.ts";
import type { Database } from "../db/client.ts";
import { insertOrganisations, listOrganisations } from "../organisations/organisations.repository.ts";
import { createUnit } from "../units/units.service.ts";
import { openTestDatabase } from "./test-database.ts";

export const TEST_PASSWORD = "test-password-casacomune";
// Fast hashes keep the suite quick; production always uses the OWASP cost.
const TEST_HASH_COST = 2 ** 10;

/** An HTTP client bound to one session cookie; calls the app in-process, no port. */
export type TestClient = {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body: unknown): Promise<Response>;
  upload(path: string, file: File, headers?: Record<string, string>): Promise<Response>;
};

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/**
 * A fresh migrated database with the demo organisations, the app on top, and fixtures in domain words.
 * `oidc`: the SPID/CIE gateway settings, for the tests of that sign-in (none by default).
 */
export async function createTestContext(options: { oidc?: OidcSettings | null } = {}) {
  const database: Database = await openTestDatabase(inject("pgliteDump"));
  await insertOrganisations(database.db, [...DEMO_ORGANISATIONS]);
  const clock = { now: new Date("2026-11-22T09:00:00Z") };
  const app = createApp({
    database,
    policy: { idleMinutes: 30, maxHours: 12 },
    secureCookies: false,
    trustProxy: true,
    securityContact: "mailto:security@test.casacomune.example",
    oidc: options.oidc ?? null,
    now: () => clock.now,
  });
  let serial = 0;

  const client = (cookie: string | null): TestClient => {
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const isForm = body instanceof FormData;
      return Promise.resolve(
        app.request(`/api/v1${path}`, {
          method,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
        }),
      );
    };
    return {
      request,
      get: (path) => request("GET", path),
      post: (path, body) => request("POST", path, body ?? {}),
      patch: (path, body) => request("PATCH", path, body),
      upload: (path, file, headers) => {
        const form = new FormData();
        form.set("file", file);
        return request("POST", path, form, headers);
      },
    };
  };

  const ctx = {
    database,
    db: database.db,
    app,
    clock,
    anonymous: client(null),

    async newUser(options: { role: Role; organisationCode?: string; email?: string; fiscalCode?: string }) {
      serial += 1;
      const email = options.email ?? `${options.role}.${serial}@test.casacomune.example`;
      await createUser({
        db: database.db,
        email,
        name: `Test ${options.role} ${serial}`,
        role: options.role,
        organisationCode: options.organisationCode ?? defaultOrganisation(options.role),
        password: TEST_PASSWORD,
        fiscalCode: options.fiscalCode,
        cost: TEST_HASH_COST,
      });
      return email;
    },

    /** Sign in through the API as a new account of this role; returns a client carrying the cookie. */
    async loginAs(role: Role, organisationCode?: string) {
      const email = await ctx.newUser({ role, organisationCode });
      const response = await ctx.anonymous.post("/auth/login", { email, password: TEST_PASSWORD });
      if (response.status !== 200) throw new Error(`login as ${role} failed: ${response.status}`);
      const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return Object.assign(client(cookie), { email, cookie });
    },

    /** An actor for calling services directly. */
    async actor(role: Role = "comune_admin", organisationCode?: string): Promise<Actor> {
      const email = await ctx.newUser({ role, organisationCode });
      const user = await findUserByEmail(database.db, email);
      const orgs = await listOrganisations(database.db);
      const org = orgs.find((o) => o.code === (organisationCode ?? defaultOrganisation(role)));
      if (!user || !org) throw new Error("fixture user not found");
      return {
        userId: user.id,
        email,
        name: `Test ${role}`,
        role,
        organisationId: org.id,
        organisationCode: org.code,
        organisationName: org.name,
      };
    },

    /** A valid unit in Milano (calmierato, managed by ETS-B1) with any field overridden. */
    unitInput(overrides: Partial<UnitCreate> = {}): UnitCreate {
      serial += 1;
      return UnitCreateSchema.parse({
        code: `T-${String(serial).padStart(5, "0")}`,
        address: `Via Fittizia di Prova ${serial}`,
        town: "Milano",
        municipio: 3,
        floor: 1,
        lift: true,
        surfaceM2: 60,
        rooms: 3,
        bedrooms: 2,
        origin: "municipal",
        category: "calmierato",
        managingPartnerCode: "ETS-B1",
        condition: "good",
        status: "available",
        ...overrides,
      });
    },

    async newUnit(overrides: Partial<UnitCreate> = {}) {
      return createUnit({ db: database.db, actor: await adminActor(), input: ctx.unitInput(overrides) });
    },

    async sessionActor(token: string) {
      return resolveSession({
        database,
        token,
        now: clock.now,
        policy: { idleMinutes: 30, maxHours: 12 },
      });
    },

    close: () => database.close(),
  };

  let admin: Actor | null = null;
  const adminActor = async () => {
    admin ??= await ctx.actor("comune_admin");
    return admin;
  };
  return ctx;
}

function defaultOrganisation(role: Role) {
  if (role === "area_a") return "ETS-A";
  if (role === "area_b_manager" || role === "area_b_educator" || role === "tenant") return "ETS-B1";
  return "COMUNE-MI";
}
