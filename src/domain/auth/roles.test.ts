// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  hasPermission,
  LoginInput,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  Role,
  type Scope,
  scopeOfRole,
} from "./roles.ts";

const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

describe("role permissions", () => {
  it.each([
    { role: "comune_admin", scope: "programme", read: true, write: true, importUnits: true, stock: true },
    {
      role: "comune_housing_officer",
      scope: "programme",
      read: true,
      write: true,
      importUnits: true,
      stock: true,
    },
    {
      role: "comune_social_worker",
      scope: "programme",
      read: true,
      write: false,
      importUnits: false,
      stock: true,
    },
    { role: "area_a", scope: "programme", read: true, write: false, importUnits: false, stock: true },
    {
      role: "area_b_manager",
      scope: "own_organisation",
      read: true,
      write: true,
      importUnits: false,
      stock: true,
    },
    {
      role: "area_b_educator",
      scope: "own_organisation",
      read: true,
      write: false,
      importUnits: false,
      stock: true,
    },
    {
      role: "steering_board",
      scope: "programme",
      read: false,
      write: false,
      importUnits: false,
      stock: true,
    },
    { role: "auditor", scope: "programme", read: true, write: false, importUnits: false, stock: true },
    {
      role: "tenant",
      scope: "own_household",
      read: false,
      write: false,
      importUnits: false,
      stock: false,
    },
  ] as const)(
    "$role: scope $scope, units read $read / write $write / import $importUnits, stock $stock",
    (row) => {
      expect(scopeOfRole(row.role)).toBe(row.scope);
      expect(hasPermission(row.role, "units:read")).toBe(row.read);
      expect(hasPermission(row.role, "units:write")).toBe(row.write);
      expect(hasPermission(row.role, "units:import")).toBe(row.importUnits);
      expect(hasPermission(row.role, "stock:read")).toBe(row.stock);
    },
  );

  it("gives every role a scope and a list of known permissions", () => {
    const scopes: readonly Scope[] = ["programme", "own_organisation", "own_household"];
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      expect(scopes).toContain(scopeOfRole(role));
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it("gives a tenant no permission on units", () => {
    const unitPermissions = PERMISSIONS.filter((p) => p.startsWith("units:"));
    expect(unitPermissions.length).toBeGreaterThan(0);
    for (const p of unitPermissions) expect(hasPermission("tenant", p)).toBe(false);
  });

  it("scopes Area B roles to their own organisation", () => {
    for (const role of ROLES.filter((r) => r.startsWith("area_b"))) {
      expect(scopeOfRole(role), role).toBe("own_organisation");
    }
  });

  it("never lets a role write or import units it cannot read", () => {
    const implies: [Permission, Permission][] = [
      ["units:write", "units:read"],
      ["units:import", "units:write"],
    ];
    for (const role of ROLES) {
      for (const [p, needs] of implies) {
        if (hasPermission(role, p)) expect(hasPermission(role, needs), `${role} ${p}`).toBe(true);
      }
    }
  });

  it("refuses an unknown role", () => {
    expect(issuesOf(Role.safeParse("superuser"))).toEqual([{ path: "", message: "Unknown role" }]);
    expect(Role.parse("auditor")).toBe("auditor");
  });
});

describe("LoginInput", () => {
  it("lower-cases the e-mail", () => {
    expect(LoginInput.parse({ email: "Comune.Admin@Demo.CasaComune.example", password: "x" })).toEqual({
      email: "comune.admin@demo.casacomune.example",
      password: "x",
    });
  });

  // A pasted address often carries spaces; the schema says `.trim()`, so they must not make it invalid.
  it.each([" comune.admin@demo.casacomune.example", "comune.admin@demo.casacomune.example  "])(
    "trims %j before checking it",
    (email) => {
      expect(issuesOf(LoginInput.safeParse({ email, password: "x" }))).toEqual([]);
      expect(LoginInput.safeParse({ email, password: "x" }).data?.email).toBe(
        "comune.admin@demo.casacomune.example",
      );
    },
  );

  it.each([
    {
      input: { email: "not-an-email", password: "secret" },
      path: "email",
      message: "Enter a valid e-mail address",
    },
    { input: { email: "a@b.example", password: "" }, path: "password", message: "Password is required" },
    { input: { email: "a@b.example" }, path: "password", message: "Password is required" },
  ])("refuses $input", ({ input, path, message }) => {
    expect(issuesOf(LoginInput.safeParse(input))).toEqual([{ path, message }]);
  });
});
