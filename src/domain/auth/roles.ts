// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

export const ROLES = [
  "comune_admin",
  "comune_social_worker",
  "comune_housing_officer",
  "comune_data_protection",
  "area_a",
  "area_b_manager",
  "area_b_educator",
  "steering_board",
  "auditor",
  "tenant",
] as const;
/** Ruolo di un account. */
export const Role = z.enum(ROLES, { error: "Unknown role" });
export type Role = z.infer<typeof Role>;

export const PERMISSIONS = [
  "units:read",
  "units:write",
  "units:import",
  "stock:read",
  "audit:read",
  "households:read",
  "households:write",
  "referrals:create",
  "referrals:answer",
  "consents:write",
  "allocation:rules",
  "allocation:run",
  "offers:answer",
  "tenancies:read",
  "tenancies:write",
  "ledger:write",
  "ledger:close",
  "arrears:work",
  "arrears:legal",
  "arrears:policy",
  "maintenance:read",
  "maintenance:open",
  "maintenance:manage",
  "notices:write",
  "portal:use",
  "works:read",
  "works:write",
  "contractors:write",
  "plan:read",
  "plan:write",
  "funding:read",
  "funding:write",
  "monitoring:read",
  "monitoring:manage",
  "expenses:read",
  "expenses:write",
  "expenses:review",
  "timeline:read",
  "timeline:write",
  "governance:read",
  "governance:write",
  "governance:act",
  "library:write",
  "owners:read",
  "owners:write",
  "welfare:write",
  "fund:write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Role × action matrix. `units:write` lets a role create and edit units and move their status;
 * Area B roles act only on the units their own organisation manages (see `scopeOfRole`).
 * `allocation:rules` saves and previews versions of the allocation rules; every signed-in role reads
 * the active version and its published criteria.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  comune_admin: [
    "units:read",
    "units:write",
    "units:import",
    "stock:read",
    "audit:read",
    "households:read",
    "households:write",
    "referrals:create",
    "consents:write",
    "allocation:rules",
    "allocation:run",
    "offers:answer",
    "tenancies:read",
    "tenancies:write",
    "ledger:write",
    "ledger:close",
    "arrears:work",
    "arrears:legal",
    "arrears:policy",
    "maintenance:read",
    "maintenance:open",
    "maintenance:manage",
    "notices:write",
    "works:read",
    "works:write",
    "contractors:write",
    "plan:read",
    "plan:write",
    "funding:read",
    "funding:write",
    "monitoring:read",
    "monitoring:manage",
    "expenses:read",
    "expenses:write",
    "expenses:review",
    "timeline:read",
    "timeline:write",
    "governance:read",
    "governance:write",
    "library:write",
    "owners:read",
    "owners:write",
    "welfare:write",
    "fund:write",
  ],
  comune_housing_officer: [
    "units:read",
    "units:write",
    "units:import",
    "stock:read",
    "allocation:run",
    "offers:answer",
    "tenancies:read",
    "tenancies:write",
    "ledger:close",
    "maintenance:read",
    "maintenance:open",
    "maintenance:manage",
    "works:read",
    "plan:read",
    "funding:read",
    "monitoring:read",
    "timeline:read",
    "governance:read",
    "library:write",
    "owners:read",
    "owners:write",
  ],
  comune_social_worker: [
    "units:read",
    "stock:read",
    "households:read",
    "households:write",
    "referrals:create",
    "consents:write",
    "tenancies:read",
    "arrears:work",
    "monitoring:read",
    "timeline:read",
    "governance:read",
    "library:write",
  ],
  // The Comune's data-protection role (responsabile della protezione dei dati): reads every
  // household, including those whose consent was withdrawn, and the audit trail; records consents.
  comune_data_protection: ["households:read", "audit:read", "consents:write"],
  area_a: [
    "units:read",
    "stock:read",
    "works:read",
    "contractors:write",
    "plan:read",
    "plan:write",
    "funding:read",
    "funding:write",
    "monitoring:read",
    "monitoring:manage",
    "expenses:read",
    "expenses:write",
    "timeline:read",
    "timeline:write",
    "governance:read",
    "governance:write",
    "library:write",
    "owners:read",
    "owners:write",
  ],
  area_b_manager: [
    "units:read",
    "units:write",
    "stock:read",
    "households:read",
    "households:write",
    "referrals:answer",
    "consents:write",
    "offers:answer",
    "tenancies:read",
    "tenancies:write",
    "ledger:write",
    "arrears:work",
    "arrears:legal",
    "maintenance:read",
    "maintenance:open",
    "maintenance:manage",
    "notices:write",
    "works:read",
    "works:write",
    "contractors:write",
    "plan:read",
    "funding:read",
    "funding:write",
    "monitoring:read",
    "expenses:read",
    "expenses:write",
    "timeline:read",
    "timeline:write",
    "governance:read",
    "governance:act",
    "library:write",
    "welfare:write",
    "fund:write",
  ],
  area_b_educator: [
    "units:read",
    "stock:read",
    "households:read",
    "households:write",
    "consents:write",
    "tenancies:read",
    "arrears:work",
    "maintenance:read",
    "maintenance:open",
    "monitoring:read",
    "timeline:read",
    "governance:read",
    "welfare:write",
  ],
  steering_board: [
    "stock:read",
    "works:read",
    "plan:read",
    "funding:read",
    "monitoring:read",
    "expenses:read",
    "timeline:read",
    "governance:read",
    "governance:write",
    "library:write",
    "owners:read",
  ],
  auditor: [
    "units:read",
    "stock:read",
    "audit:read",
    "tenancies:read",
    "maintenance:read",
    "works:read",
    "plan:read",
    "funding:read",
    "monitoring:read",
    "expenses:read",
    "timeline:read",
    "governance:read",
    "owners:read",
  ],
  tenant: ["portal:use"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whose records a role sees: the whole programme, or only its own organisation's. */
export type Scope = "programme" | "own_organisation" | "own_household";

export function scopeOfRole(role: Role): Scope {
  switch (role) {
    case "area_b_manager":
    case "area_b_educator":
      return "own_organisation";
    case "tenant":
      return "own_household";
    case "comune_admin":
    case "comune_social_worker":
    case "comune_housing_officer":
    case "comune_data_protection":
    case "area_a":
    case "steering_board":
    case "auditor":
      return "programme";
  }
}

export const PASSWORD_MIN_LENGTH = 12;

export const LoginInput = z.object({
  // Trim before checking the format, so a pasted address with spaces around it still signs in.
  email: z
    .string({ error: "Enter a valid e-mail address" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid e-mail address" })),
  password: z.string({ error: "Password is required" }).min(1, { error: "Password is required" }).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** The signed-in account as the API returns it. */
export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  organisation: z.object({ code: z.string(), name: z.string() }),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof Me>;
