// SPDX-License-Identifier: EUPL-1.2
import { createHash, randomBytes } from "node:crypto";
import {
  PASSWORD_MIN_LENGTH,
  type Permission,
  ROLE_PERMISSIONS,
  type Role,
  Role as RoleSchema,
} from "../../domain/auth/roles.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { findOrganisationByCode } from "../organisations/organisations.repository.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUserByEmail,
  insertSession,
  insertUser,
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
};

export type SessionPolicy = { idleMinutes: number; maxHours: number };

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
const WRONG_LOGIN = "E-mail or password is wrong";
// Compared against when the e-mail is unknown, so both failures take the same time.
let dummyHash: Promise<string> | null = null;

export async function login(options: {
  db: Db;
  email: string;
  password: string;
  now: Date;
  policy: SessionPolicy;
}): Promise<{ token: string; expiresAt: Date }> {
  const { db, email, password, now, policy } = options;
  const user = await findUserByEmail(db, email);
  if (user === null || !user.active) {
    dummyHash ??= hashPassword("not a password of anybody");
    await verifyPassword(password, await dummyHash);
    throw new AppError("UNAUTHENTICATED", WRONG_LOGIN);
  }
  if (!(await verifyPassword(password, user.passwordHash)))
    throw new AppError("UNAUTHENTICATED", WRONG_LOGIN);
  await deleteExpiredSessions(db, user.id, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The actor behind a session token, or null when the session is unknown, idle too long or expired. */
export async function resolveSession(options: {
  db: Db;
  token: string;
  now: Date;
  policy: SessionPolicy;
}): Promise<Actor | null> {
  const { db, token, now, policy } = options;
  const tokenHash = hashToken(token);
  const session = await findSession(db, tokenHash);
  if (session === null) return null;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (!session.active || now >= session.expiresAt || now.getTime() >= idleLimit) {
    await deleteSession(db, tokenHash);
    return null;
  }
  // Write the last-seen time at most once a minute, not on every request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(db, tokenHash, now);
  return {
    userId: session.userId,
    email: session.email,
    name: session.name,
    role: session.role as Role,
    organisationId: session.organisationId,
    organisationCode: session.organisationCode,
    organisationName: session.organisationName,
  };
}

export async function logout(options: { db: Db; token: string }) {
  await deleteSession(options.db, hashToken(options.token));
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

/** Create an account; `cost` exists so tests can hash quickly, production keeps the default. */
export async function createUser(options: {
  db: Db;
  email: string;
  name: string;
  role: string;
  organisationCode: string;
  password: string;
  cost?: number;
}): Promise<string> {
  const { db, email, name, role, organisationCode, password, cost = SCRYPT_COST } = options;
  const parsedRole = RoleSchema.safeParse(role);
  if (!parsedRole.success) throw fieldError("INVALID", "role", `Unknown role "${role}"`);
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw fieldError("INVALID", "password", `Password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const organisation = await findOrganisationByCode(db, organisationCode);
  if (organisation === null)
    throw fieldError("UNPROCESSABLE", "organisationCode", `Unknown organisation "${organisationCode}"`);
  if ((await findUserByEmail(db, email)) !== null)
    throw fieldError("CONFLICT", "email", "An account with this e-mail exists");
  const id = await insertUser(db, {
    email: email.trim().toLowerCase(),
    name,
    role: parsedRole.data,
    organisationId: organisation.id,
    passwordHash: await hashPassword(password, cost),
  });
  if (id === null) throw new AppError("CONFLICT", "The account could not be created");
  return id;
}
