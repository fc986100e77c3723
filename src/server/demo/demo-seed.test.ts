// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../domain/demo/demo-programme.ts";
import { createApp } from "../app.ts";
import type { Database } from "../db/client.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { seedDemoProgramme } from "./demo-seed.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(inject("pgliteDump"));
});
afterAll(() => database.close());

describe("the demo programme seed", () => {
  it("loads 488 units with the programme's mix, once", async () => {
    expect(await seedDemoProgramme({ db: database.db, passwordCost: 2 ** 10 })).toBe(true);
    expect(await seedDemoProgramme({ db: database.db, passwordCost: 2 ** 10 })).toBe(false);

    const app = createApp({
      database,
      policy: { idleMinutes: 30, maxHours: 12 },
      secureCookies: false,
      trustProxy: false,
      securityContact: "mailto:security@test.casacomune.example",
      oidc: null,
      now: () => new Date(),
    });
    const admin = DEMO_USERS.find((u) => u.role === "comune_admin");
    const login = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin?.email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const summary = await (await app.request("/api/v1/units/summary", { headers: { cookie } })).json();
    expect(summary.total).toBe(488);
    expect(summary.byOrigin).toEqual({ municipal: 339, confiscated: 6, hinterland: 143 });
    expect(summary.byCategory).toEqual({ calmierato: 190, calmierato_ridotto: 127, fragilita: 171 });
    expect(Object.keys(summary.byMunicipio).sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(summary.byStatus.to_renovate / 488).toBeGreaterThan(0.25);
  });

  it("creates one demo account per role, each able to sign in", async () => {
    expect(DEMO_USERS).toHaveLength(9);
    const app = createApp({
      database,
      policy: { idleMinutes: 30, maxHours: 12 },
      secureCookies: false,
      trustProxy: false,
      securityContact: "mailto:security@test.casacomune.example",
      oidc: null,
      now: () => new Date(),
    });
    for (const user of DEMO_USERS) {
      const res = await app.request("/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
      });
      expect(res.status, user.email).toBe(200);
      expect((await res.json()).role).toBe(user.role);
    }
  });
});
