// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import type { Role } from "../../domain/auth/roles.ts";
import { type DemoHousehold, demoHouseholds } from "../../domain/demo/demo-households.ts";
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoUnits,
} from "../../domain/demo/demo-programme.ts";
import { createUser } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { householdEvents, householdMembers, households, referrals } from "../db/schema.ts";
import { insertOrganisations, listOrganisations } from "../organisations/organisations.repository.ts";
import { uuid7Batch } from "../shared/uuid7.ts";
import { ensureBuildings, insertUnitRows } from "../units/units.repository.ts";

/**
 * Load the fictional demo programme into an empty database: five organisations, one account per
 * role (password `demo-casacomune`), the 488 units of the starting stock and about 300 households
 * along their path, with members, status history and referral. Returns false when the database
 * already holds organisations.
 */
export async function seedDemoProgramme(options: { db: Db; passwordCost?: number }): Promise<boolean> {
  const { db, passwordCost } = options;
  if ((await listOrganisations(db)).length > 0) return false;
  await db.transaction(async (tx) => {
    await insertOrganisations(tx, [...DEMO_ORGANISATIONS]);
    const ids = new Map((await listOrganisations(tx)).map((o) => [o.code, o.id]));
    const partnerId = (code: string | null) => (code === null ? null : (ids.get(code) ?? null));
    const units = demoUnits();
    await ensureBuildings(tx, units);
    await insertUnitRows(
      tx,
      units.map(({ managingPartnerCode, comodatoPartnerCode, ...u }) => ({
        ...u,
        managingPartnerId: partnerId(managingPartnerCode),
        comodatoPartnerId: partnerId(comodatoPartnerCode),
      })),
      { actorId: null, kind: "imported", note: "Programma dimostrativo (dati fittizi)" },
    );
    const userIds = await Promise.all(
      DEMO_USERS.map((u) => createUser({ db: tx, ...u, password: DEMO_PASSWORD, cost: passwordCost })),
    );
    const userOf = new Map(DEMO_USERS.map((u, i) => [u.role, userIds[i] as string]));
    await insertDemoHouseholds(tx, demoHouseholds(), partnerId, (role, code) =>
      DEMO_USERS.some((u) => u.role === role && u.organisationCode === code)
        ? (userOf.get(role) ?? null)
        : null,
    );
  });
  return true;
}

// Rows per VALUES statement: 20 columns × 1,000 stays well under PostgreSQL's 65,535 parameters.
const CHUNK = 1000;
async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * The demo households, their members, status events and referrals. The referring social worker and,
 * at the partner that has demo accounts, its manager and educator sign what they did; elsewhere the
 * records have no author, as imported ones.
 */
async function insertDemoHouseholds(
  db: Db,
  demo: readonly DemoHousehold[],
  partnerId: (code: string | null) => string | null,
  userAt: (role: Role, organisationCode: string | null) => string | null,
) {
  const ids = uuid7Batch(demo.length);
  const socialWorker = userAt("comune_social_worker", "COMUNE-MI");
  const householdRows = demo.map((h, i) => ({
    id: ids[i] as string,
    reference: h.reference,
    managingPartnerId: partnerId(h.managingPartnerCode),
    referringOrganisationId: partnerId(h.referringOrganisationCode) as string,
    targetGroup: h.targetGroup,
    category: h.category,
    needs: h.needs,
    accessibilityNeed: h.accessibilityNeed,
    priority: h.priority,
    housingSituation: h.housingSituation,
    phone: h.phone,
    email: h.email,
    incomeCents: h.incomeCents,
    iseeCents: h.iseeCents,
    iseeDate: h.iseeDate,
    status: h.status,
    suspendedFrom: h.suspendedFrom,
    createdAt: h.referral.referredAt,
    updatedAt: h.events[h.events.length - 1]?.at ?? h.referral.referredAt,
  }));
  await insertChunked(householdRows, (chunk) => db.insert(households).values(chunk));
  // Members and events are the many rows: one statement each over arrays (unnest) is several times
  // faster on PGlite than a VALUES list with a parameter per cell.
  const memberRows = demo.flatMap((h, i) =>
    h.members.map((m, position) => ({ householdId: ids[i] as string, position, ...m })),
  );
  const members = (pick: (m: (typeof memberRows)[number]) => string | number) =>
    sql.param(memberRows.map(pick));
  await db.execute(sql`
    insert into ${householdMembers}
      (household_id, position, given_name, family_name, fiscal_code, birth_date, sex, citizenship, relationship)
    select * from unnest(
      ${members((m) => m.householdId)}::uuid[], ${members((m) => m.position)}::smallint[],
      ${members((m) => m.givenName)}::text[], ${members((m) => m.familyName)}::text[],
      ${members((m) => m.fiscalCode)}::text[], ${members((m) => m.birthDate)}::date[],
      ${members((m) => m.sex)}::text[], ${members((m) => m.citizenship)}::text[],
      ${members((m) => m.relationship)}::text[])`);
  const eventRows = demo.flatMap((h, i) =>
    h.events.map((e) => ({
      householdId: ids[i] as string,
      at: e.at.toISOString(),
      actorId: e.by === "social_services" ? socialWorker : userAt("area_b_educator", h.managingPartnerCode),
      fromStatus: e.from,
      toStatus: e.to,
      note: e.note,
    })),
  );
  const events = (pick: (e: (typeof eventRows)[number]) => string | null) => sql.param(eventRows.map(pick));
  await db.execute(sql`
    insert into ${householdEvents} (household_id, at, actor_id, from_status, to_status, note)
    select * from unnest(
      ${events((e) => e.householdId)}::uuid[], ${events((e) => e.at)}::timestamptz[],
      ${events((e) => e.actorId)}::uuid[], ${events((e) => e.fromStatus)}::text[],
      ${events((e) => e.toStatus)}::text[], ${events((e) => e.note)}::text[])`);
  const referralRows = demo.map((h, i) => ({
    householdId: ids[i] as string,
    partnerId: partnerId(h.referral.partnerCode) as string,
    referredBy: socialWorker,
    referredAt: h.referral.referredAt,
    dueAt: h.referral.dueAt,
    report: h.referral.report,
    status: h.referral.status,
    answeredAt: h.referral.answeredAt,
    answeredBy: h.referral.answeredAt === null ? null : userAt("area_b_manager", h.referral.partnerCode),
    returnReason: h.referral.returnReason,
  }));
  await insertChunked(referralRows, (chunk) => db.insert(referrals).values(chunk));
}
