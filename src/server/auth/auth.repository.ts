// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { LoginHistory } from "../../domain/auth/login-throttle.ts";
import { LOGIN_THROTTLE } from "../../domain/auth/login-throttle.ts";
import type { Db } from "../db/client.ts";
import { loginAttempts, organisations, sessions, users } from "../db/schema.ts";

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function findUserByFiscalCode(db: Db, fiscalCode: string) {
  const [row] = await db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(eq(users.fiscalCode, fiscalCode));
  return row ?? null;
}

export async function insertUser(
  db: Db,
  user: {
    email: string;
    name: string;
    role: string;
    organisationId: string;
    passwordHash: string;
    fiscalCode?: string | null;
    householdId?: string | null;
  },
) {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  return row?.id ?? null;
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
) {
  await db.insert(sessions).values(session);
}

/** The session with its account and organisation. */
export async function findSession(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      householdId: users.householdId,
      active: users.active,
      organisationId: organisations.id,
      organisationCode: organisations.code,
      organisationName: organisations.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function touchSession(db: Db, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, userId: string, now: Date) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}

export async function countUsers(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertLoginAttempt(
  db: Db,
  attempt: { email: string; address: string; at: Date; succeeded: boolean },
) {
  await db.insert(loginAttempts).values(attempt);
}

/**
 * The failed sign-ins that count against an account (since its last success, within the hour) and
 * against an address (within the hour), oldest first.
 */
export async function loginHistory(
  db: Db,
  options: { email: string; address: string; now: Date },
): Promise<LoginHistory> {
  const since = new Date(options.now.getTime() - LOGIN_THROTTLE.windowMs);
  const [lastSuccess] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, options.email),
        eq(loginAttempts.succeeded, true),
        gt(loginAttempts.at, since),
      ),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const accountSince = lastSuccess?.at ?? since;
  const failures = (key: "email" | "address", value: string, after: Date) =>
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(
        and(eq(loginAttempts[key], value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, after)),
      )
      .orderBy(asc(loginAttempts.at));
  const [account, address] = [
    await failures("email", options.email, accountSince),
    await failures("address", options.address, since),
  ];
  return { accountFailures: account.map((r) => r.at), addressFailures: address.map((r) => r.at) };
}
