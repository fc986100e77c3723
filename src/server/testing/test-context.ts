// SPDX-License-Identifier: EUPL-1.2

import { inject } from "vitest";
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_ORGANISATIONS } from "../../domain/demo/demo-programme.ts";
import { fiscalCodeCheckCharacter } from "../../domain/households/fiscal-code.ts";
import { HouseholdFields, type Person } from "../../domain/households/household.schema.ts";
import type { SocialReport } from "../../domain/households/household-api.schema.ts";
import { type UnitCreate, UnitCreate as UnitCreateSchema } from "../../domain/units/unit.schema.ts";
import { createApp } from "../app.ts";
import { findUserByEmail } from "../auth/auth.repository.ts";
import { type Actor, createUser, resolveSession } from "../auth/auth.service.ts";
import type { OidcSettings } from "../auth/oidc.service.ts";
import type { Database } from "../db/client.ts";
import { createReferral } from "../households/referrals.service.ts";
import { insertOrganisations, listOrganisations } from "../organisations/organisations.repository.ts";
import { createUnit } from "../units/units.service.ts";
import type { Mailer } from "../workspace/notifications.ts";
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
 * `oidc`: the SPID/CIE gateway settings, for the tests of that sign-in (none by default); `mailer`:
 * the e-mail sender of notifications (none by default).
 */
export async function createTestContext(
  options: { oidc?: OidcSettings | null; mailer?: Mailer | null } = {},
) {
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
    mailer: options.mailer ?? null,
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

    async newUser(options: {
      role: Role;
      organisationCode?: string;
      email?: string;
      fiscalCode?: string;
      householdId?: string;
    }) {
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
        householdId: options.householdId ?? null,
        cost: TEST_HASH_COST,
      });
      return email;
    },

    /** Sign in through the API as a new account of this role; returns a client carrying the cookie. */
    async loginAs(role: Role, organisationCode?: string, householdId?: string) {
      const email = await ctx.newUser({ role, organisationCode, householdId });
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
        householdId: null,
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

    /**
     * A valid household of `size` members (default 2: a mother, head, and her child), fictional:
     * made-up names, fiscal codes valid in form but born in "X999", which is no municipality.
     */
    householdInput(overrides: Partial<HouseholdFields> & { size?: number } = {}): HouseholdFields {
      serial += 1;
      const { size = 2, ...fields } = overrides;
      const members = Array.from({ length: size }, (_, i) => fictionalPerson(serial * 20 + i, i));
      return HouseholdFields.parse({
        targetGroup: "monoparentale",
        category: "calmierato",
        needs: ["economic_fragility"],
        housingSituation: "eviction",
        phone: "+39 02 0000 0000",
        incomeCents: 1_450_000,
        iseeCents: 820_050,
        iseeDate: "2026-03-15",
        members,
        ...fields,
      });
    },

    /**
     * Refer a new household, through the service, as a Comune social worker: the household is
     * "referred" and its referral pending with `partnerCode` (default ETS-B1), in a category of that
     * partner unless given.
     */
    async newHousehold(
      options: Partial<HouseholdFields> & {
        partnerCode?: string;
        size?: number;
        dueDays?: number;
        report?: Partial<SocialReport>;
      } = {},
    ) {
      const { partnerCode = "ETS-B1", dueDays = 15, report, ...overrides } = options;
      const category = DEMO_ORGANISATIONS.find((o) => o.code === partnerCode)?.categories[0] ?? "calmierato";
      socialWorker ??= await ctx.actor("comune_social_worker");
      return createReferral({
        db: database.db,
        actor: socialWorker,
        input: {
          household: ctx.householdInput({ category, ...overrides }),
          partnerCode,
          dueDays,
          report: {
            situation: "Sfratto esecutivo fittizio per morosità incolpevole.",
            reasons: "Nucleo monoparentale con reddito insufficiente (dati di prova).",
            servicesInvolved: "Servizio sociale professionale (prova)",
            urgency: "ordinary",
            ...report,
          },
        },
        now: clock.now,
        knownFiscalCodes: new Set(),
      });
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

  let socialWorker: Actor | null = null;
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

const MONTH_LETTERS = "ABCDEHLMPRST";
/** "Comune" code of the fixtures' birthplace: X999 is no municipality, so no real person has these codes. */
export const FICTIONAL_BIRTHPLACE = "X999";

/**
 * A fiscal code valid in form for `letters` (six, standing for surname and name), a birth date and a
 * sex, born in the fictional X999, with its check character.
 */
export function fictionalFiscalCode(letters: string, birthDate: string, sex: "F" | "M") {
  const [year, month, day] = birthDate.split("-") as [string, string, string];
  const dayCode = String(Number(day) + (sex === "F" ? 40 : 0)).padStart(2, "0");
  const first15 = `${letters}${year.slice(2)}${MONTH_LETTERS[Number(month) - 1]}${dayCode}${FICTIONAL_BIRTHPLACE}`;
  return first15 + fiscalCodeCheckCharacter(first15);
}

const GIVEN_NAMES = ["Aurora", "Bruno", "Clelia", "Dario", "Elisa", "Fulvio", "Gemma", "Ivo"];

/** A fictional person: member `position` of a household (0 the head, a woman; then her children). */
function fictionalPerson(key: number, position: number): Person {
  // Six letters from the key, so that every fixture person has a fiscal code of their own.
  const letters = Array.from({ length: 6 }, (_, k) =>
    String.fromCharCode(65 + (Math.floor(key / 26 ** (5 - k)) % 26)),
  ).join("");
  const sex = position === 0 || position % 2 === 0 ? "F" : "M";
  const pad = (n: number) => String(n).padStart(2, "0");
  const birthDate =
    position === 0
      ? `1984-${pad((key % 12) + 1)}-${pad((key % 28) + 1)}`
      : `${2008 + position}-${pad(((key + position) % 12) + 1)}-${pad(((key + position) % 28) + 1)}`;
  return {
    givenName: GIVEN_NAMES[(key + position) % GIVEN_NAMES.length] as string,
    familyName: "Fittizi",
    fiscalCode: fictionalFiscalCode(letters, birthDate, sex),
    birthDate,
    sex,
    citizenship: "IT",
    relationship: position === 0 ? "head" : "child",
  };
}
