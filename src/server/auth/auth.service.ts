// SPDX-License-Identifier: EUPL-1.2
import { createHash, randomBytes } from "node:crypto";
import { decideLogin, LOGIN_THROTTLE } from "../../domain/auth/login-throttle.ts";
import { FiscalCode } from "../../domain/auth/oidc-identity.ts";
import {
  PASSWORD_MIN_LENGTH,
  type Permission,
  ROLE_PERMISSIONS,
  type Role,
  Role as RoleSchema,
} from "../../domain/auth/roles.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Database, Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { SYSTEM_SCOPE } from "../http.ts";
import { findOrganisationByCode } from "../organisations/organisations.repository.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUserByEmail,
  findUserByFiscalCode,
  insertLoginAttempt,
  insertSession,
  insertUser,
  loginHistory,
  touchSession,
} from "./auth.repository.ts";
import { hashPassword, SCRYPT_COST, verifyPassword } from "./password.ts";

/** Who is calling: the signed-in account, its role and organisation. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  /** A tenant's household: what their portal shows. Null for every other role. */
  householdId: string | null;
};

export type SessionPolicy = { idleMinutes: number; maxHours: number };

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
const WRONG_LOGIN = "E-mail or password is wrong";
// Compared against when the e-mail is unknown, so both failures take the same time.
let dummyHash: Promise<string> | null = null;

/** Rate-limit headers of the sign-in route: the caller's address budget of failed attempts. */
function rateLimitHeaders(remaining: number): Record<string, string> {
  return {
    "RateLimit-Limit": String(LOGIN_THROTTLE.addressFailuresPerHour),
    "RateLimit-Remaining": String(remaining),
    "RateLimit-Reset": String(LOGIN_THROTTLE.windowMs / 1000),
  };
}

/**
 * What records sign-in attempts in the audit trail (`auth.login`), whichever the method: refusals
 * without an account, successes with it; `detail` says the method and why a refusal happened.
 */
export function signInAuditor(database: Database, now: Date, address: string) {
  return (outcome: "success" | "denied", detail: Record<string, unknown>, actor?: Actor) =>
    recordAudit(database, SYSTEM_SCOPE, {
      at: now,
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      organisationId: actor?.organisationId ?? null,
      action: "auth.login",
      entity: "account",
      entityId: actor?.userId ?? null,
      address,
      outcome,
      detail,
    });
}

/**
 * Open a server-side session for an account (a new random id at every sign-in) and return it with
 * the actor it signs in, read in the same transaction.
 */
export async function startSession(
  db: Db,
  options: { userId: string; now: Date; policy: SessionPolicy },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const { userId, now, policy } = options;
  await deleteExpiredSessions(db, userId, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  const session = await findSession(db, hashToken(token));
  if (session === null) throw new Error("A session just opened could not be read back");
  return { token, expiresAt, actor: toActor(session) };
}

/**
 * Sign in with e-mail and password. Throttled per account and per address (`LOGIN_THROTTLE`); every
 * attempt is recorded and audited; failures say only that the e-mail or password is wrong. The
 * password hash is checked outside any transaction (it takes ~0.3 s by design).
 */
export async function login(options: {
  database: Database;
  email: string;
  password: string;
  address: string;
  now: Date;
  policy: SessionPolicy;
}): Promise<{ token: string; expiresAt: Date; actor: Actor; headers: Record<string, string> }> {
  const { database, password, address, now, policy } = options;
  const email = options.email.trim().toLowerCase();
  const { user, history } = await database.scoped(SYSTEM_SCOPE, async (db) => ({
    user: await findUserByEmail(db, email),
    history: await loginHistory(db, { email, address, now }),
  }));
  const decision = decideLogin(history, now);
  const audit = signInAuditor(database, now, address);
  if (!decision.allowed) {
    await audit("denied", { method: "password", reason: `throttled (${decision.reason})` });
    throw new AppError("TOO_MANY_REQUESTS", "Too many failed sign-ins; try again later", [], {
      "Retry-After": String(decision.retryAfterSeconds),
      ...rateLimitHeaders(decision.addressRemaining),
    });
  }
  let verified = false;
  if (user === null || !user.active) {
    dummyHash ??= hashPassword("not a password of anybody");
    await verifyPassword(password, await dummyHash);
  } else {
    verified = await verifyPassword(password, user.passwordHash);
  }
  const session = await database.scoped(SYSTEM_SCOPE, async (db) => {
    await insertLoginAttempt(db, { email, address, at: now, succeeded: verified });
    if (!verified || user === null) return null;
    return startSession(db, { userId: user.id, now, policy });
  });
  if (session === null) {
    await audit("denied", { method: "password", reason: "wrong e-mail or password" });
    throw new AppError(
      "UNAUTHENTICATED",
      WRONG_LOGIN,
      [],
      rateLimitHeaders(Math.max(0, decision.addressRemaining - 1)),
    );
  }
  await audit("success", { method: "password" }, session.actor);
  return { ...session, headers: rateLimitHeaders(decision.addressRemaining) };
}

function toActor(session: NonNullable<Awaited<ReturnType<typeof findSession>>>): Actor {
  return {
    userId: session.userId,
    email: session.email,
    name: session.name,
    role: session.role as Role,
    organisationId: session.organisationId,
    organisationCode: session.organisationCode,
    organisationName: session.organisationName,
    householdId: session.householdId,
  };
}

/** The actor behind a session token, or null when the session is unknown, idle too long or expired. */
export async function resolveSession(options: {
  database: Database;
  token: string;
  now: Date;
  policy: SessionPolicy;
}): Promise<Actor | null> {
  const { database, token, now, policy } = options;
  const tokenHash = hashToken(token);
  return database.scoped(SYSTEM_SCOPE, async (db) => {
    const session = await findSession(db, tokenHash);
    if (session === null) return null;
    const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
    if (!session.active || now >= session.expiresAt || now.getTime() >= idleLimit) {
      await deleteSession(db, tokenHash);
      return null;
    }
    // Write the last-seen time at most once a minute, not on every request.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(db, tokenHash, now);
    return toActor(session);
  });
}

/** End the session server-side. */
export async function logout(options: { database: Database; token: string }) {
  await options.database.scoped(SYSTEM_SCOPE, (db) => deleteSession(db, hashToken(options.token)));
}

export function describeActor(actor: Actor) {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    organisation: { code: actor.organisationCode, name: actor.organisationName },
    permissions: [...ROLE_PERMISSIONS[actor.role]] as Permission[],
  };
}

/**
 * Create an account; `fiscalCode` (codice fiscale) lets its holder sign in with SPID/CIE. `cost`
 * exists so tests can hash quickly, production keeps the default.
 */
export async function createUser(options: {
  db: Db;
  email: string;
  name: string;
  role: string;
  organisationCode: string;
  password: string;
  fiscalCode?: string | undefined;
  /** A tenant's household (tenant accounts only). */
  householdId?: string | null;
  cost?: number;
}): Promise<string> {
  const { db, email, name, role, organisationCode, password, cost = SCRYPT_COST } = options;
  const parsedRole = RoleSchema.safeParse(role);
  if (!parsedRole.success) throw fieldError("INVALID", "role", `Unknown role "${role}"`);
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw fieldError("INVALID", "password", `Password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const fiscalCode = options.fiscalCode === undefined ? null : FiscalCode.safeParse(options.fiscalCode);
  if (fiscalCode !== null && !fiscalCode.success)
    throw fieldError("INVALID", "fiscalCode", "A fiscal code has 16 letters and digits");
  if ((options.householdId ?? null) !== null && parsedRole.data !== "tenant")
    throw fieldError("INVALID", "householdId", "Only a tenant's account belongs to a household");
  const organisation = await findOrganisationByCode(db, organisationCode);
  if (organisation === null)
    throw fieldError("UNPROCESSABLE", "organisationCode", `Unknown organisation "${organisationCode}"`);
  if ((await findUserByEmail(db, email)) !== null)
    throw fieldError("CONFLICT", "email", "An account with this e-mail exists");
  if (fiscalCode?.data !== undefined && (await findUserByFiscalCode(db, fiscalCode.data)) !== null)
    throw fieldError("CONFLICT", "fiscalCode", "An account with this fiscal code exists");
  const id = await insertUser(db, {
    email: email.trim().toLowerCase(),
    name,
    role: parsedRole.data,
    organisationId: organisation.id,
    passwordHash: await hashPassword(password, cost),
    fiscalCode: fiscalCode?.data ?? null,
    householdId: options.householdId ?? null,
  });
  if (id === null) throw new AppError("CONFLICT", "The account could not be created");
  return id;
}
