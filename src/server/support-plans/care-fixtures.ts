// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import { households } from "../db/schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * Fixtures of the support-plan tests, in domain words: a household a partner took on, one on its way
 * out, an account's id. Fictional people only (see `ctx.householdInput`).
 */

export type Problem = { status: number; detail: string; errors: { path: string; message: string }[] };

/** The id of the account a client is signed in as. */
export async function accountId(client: TestClient): Promise<string> {
  const res = await client.get("/auth/me");
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/**
 * A household referred to the manager's partner and accepted by that manager (who is then on its
 * team), entered the programme on `referredOn` when given.
 */
export async function acceptedHousehold(
  ctx: TestContext,
  manager: TestClient,
  options: { partnerCode?: string; referredOn?: string } = {},
) {
  const { referral, household } = await ctx.newHousehold({ partnerCode: options.partnerCode });
  const res = await manager.post(`/referrals/${referral.id}/accept`);
  expect(res.status).toBe(200);
  if (options.referredOn !== undefined) {
    await ctx.db
      .update(households)
      .set({ createdAt: new Date(`${options.referredOn}T09:00:00Z`) })
      .where(eq(households.id, household.id));
  }
  return household;
}

const PATH_TO_EXIT: readonly HouseholdStatus[] = ["assessed", "waiting", "offered", "housed", "exiting"];

/** An accepted household moved along its path up to `until` (default: exiting). */
export async function householdOnPath(
  ctx: TestContext,
  manager: TestClient,
  options: { partnerCode?: string; referredOn?: string; until?: HouseholdStatus } = {},
) {
  const household = await acceptedHousehold(ctx, manager, options);
  const until = options.until ?? "exiting";
  for (const to of PATH_TO_EXIT.slice(0, PATH_TO_EXIT.indexOf(until) + 1)) {
    const res = await manager.post(`/households/${household.id}/transitions`, { to });
    expect(res.status).toBe(200);
  }
  return household;
}
