// SPDX-License-Identifier: EUPL-1.2
import { eq, lt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { oidcLogins } from "../db/schema.ts";

export type OidcLogin = typeof oidcLogins.$inferSelect;

export async function insertOidcLogin(db: Db, login: OidcLogin) {
  await db.insert(oidcLogins).values(login);
}

/** Remove and return a sign-in under way: each `state` is answered once at most. */
export async function takeOidcLogin(db: Db, state: string): Promise<OidcLogin | null> {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
  return row ?? null;
}

/** Forget the sign-ins the gateway never answered. */
export async function deleteExpiredOidcLogins(db: Db, now: Date) {
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
}
