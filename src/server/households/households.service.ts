// SPDX-License-Identifier: EUPL-1.2
import { scopeOfRole } from "../../domain/auth/roles.ts";
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  consentWithdrawn,
} from "../../domain/households/consent.schema.ts";
import {
  HouseholdFields,
  householdProblems,
  type TargetGroup,
} from "../../domain/households/household.schema.ts";
import {
  type HouseholdDetail,
  type HouseholdListQuery,
  type HouseholdSummary,
  type HouseholdTransition,
  type HouseholdUpdate,
  KNOWN_PERSON_WARNING,
  type TimelineEntry,
} from "../../domain/households/household-api.schema.ts";
import {
  canMoveHousehold,
  canResume,
  HOUSEHOLD_TRANSITIONS,
  type HouseholdStatus,
  householdDurations,
} from "../../domain/households/household-status.ts";
import { canManageCategory } from "../../domain/organisations/organisation.schema.ts";
import type { FieldIssue } from "../../domain/shared/issue.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { findOrganisationByCode } from "../organisations/organisations.repository.ts";
import { careTimelineEntries } from "../support-plans/care-timeline.ts";
import { type ConsentRow, listConsentRows } from "./consents.repository.ts";
import { type DocumentRow, listDocumentRows } from "./documents.repository.ts";
import { caseAccessOf } from "./household-team.ts";
import {
  countHouseholdRows,
  findHouseholdRow,
  type HouseholdRow,
  type HouseholdScope,
  insertHouseholdEvent,
  listHouseholdEvents,
  listHouseholdMembers,
  listHouseholdRows,
  replaceHouseholdMembers,
  updateHouseholdRow,
} from "./households.repository.ts";
import { findPendingReferralRow, listHouseholdReferrals } from "./referrals.repository.ts";

/** A partner's roles act on the households their organisation manages; the Comune's on all. */
export const householdScopeOf = (actor: Actor): HouseholdScope =>
  scopeOfRole(actor.role) === "programme" ? null : { organisationId: actor.organisationId };

/** Today's date in Milan, `YYYY-MM-DD`: what "in the future" means for birth and ISEE dates. */
export const romeDate = (now: Date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Rome",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

/** Issues of a nested input, their paths under `prefix` (`household.members.0.fiscalCode`). */
const under = (prefix: string, issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((i) => ({ ...i, path: prefix ? `${prefix}.${i.path}` : i.path }));

/**
 * The fields and cross-field rules a household must satisfy on `today`; throws 400 naming each
 * offending field (under `prefix`).
 */
export function checkHousehold(fields: HouseholdFields, today: string, prefix = "") {
  const issues = householdProblems(fields, today);
  if (issues.length > 0)
    throw new AppError("INVALID", "The household has invalid fields", under(prefix, issues));
}

/**
 * The partner a household of `category` may be referred to: an Area B partner of that category
 * (ambito); 422 naming `path` otherwise.
 */
export async function referralPartnerOrFail(db: Db, code: string, category: UnitCategory, path: string) {
  const organisation = await findOrganisationByCode(db, code);
  if (organisation === null) throw fieldError("UNPROCESSABLE", path, `Unknown partner "${code}"`);
  if (!canManageCategory(organisation, category)) {
    const message =
      organisation.kind === "partner" && organisation.area === "B"
        ? `Partner ${organisation.code} does not manage the category ${category}`
        : `${organisation.code} is not an Area B partner: households are referred to Area B partners`;
    throw fieldError("UNPROCESSABLE", path, message);
  }
  return organisation;
}

/** Warnings for the members whose fiscal code is already on the programme's records. */
export function knownPersonWarnings(fields: HouseholdFields, known: ReadonlySet<string>, prefix: string) {
  return fields.members.flatMap((m, i) =>
    known.has(m.fiscalCode)
      ? [{ path: `${prefix}members.${i}.fiscalCode`, message: KNOWN_PERSON_WARNING }]
      : [],
  );
}

export async function findHouseholdOrFail(db: Db, actor: Actor, idOrReference: string) {
  const row = await findHouseholdRow(db, idOrReference, householdScopeOf(actor));
  if (row === null) throw new AppError("NOT_FOUND", `No household "${idOrReference}"`);
  return row;
}

/** The statuses a household may move to now: a suspended one only back to where it stood, or out. */
export function allowedHouseholdTransitions(status: HouseholdStatus, suspendedFrom: HouseholdStatus | null) {
  return HOUSEHOLD_TRANSITIONS[status].filter((to) => status !== "suspended" || canResume(suspendedFrom, to));
}

function fieldsOf(row: HouseholdRow, members: HouseholdFields["members"]): HouseholdFields {
  return {
    targetGroup: row.targetGroup as TargetGroup,
    category: row.category as UnitCategory,
    needs: row.needs as HouseholdFields["needs"],
    accessibilityNeed: row.accessibilityNeed as HouseholdFields["accessibilityNeed"],
    priority: row.priority as HouseholdFields["priority"],
    housingSituation: row.housingSituation as HouseholdFields["housingSituation"],
    phone: row.phone,
    email: row.email,
    incomeCents: row.incomeCents,
    iseeCents: row.iseeCents,
    iseeDate: row.iseeDate,
    members,
  };
}

const partnerOf = (row: { partnerCode: string | null; partnerName: string | null }) =>
  row.partnerCode === null ? null : { code: row.partnerCode, name: row.partnerName ?? "" };

export async function getHousehold(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  now: Date;
}): Promise<HouseholdDetail> {
  const { db, actor, idOrReference, now } = options;
  return householdDetailOf(db, actor, await findHouseholdOrFail(db, actor, idOrReference), now);
}

/**
 * The purposes whose consent the household withdrew: processing and special categories as the
 * database keeps them on the household (they decide what it hides), contact after exit from its consents.
 */
function withdrawnPurposes(row: HouseholdRow, consents: readonly ConsentRow[]): ConsentPurpose[] {
  const records = consents.map((c) => ({ purpose: c.purpose as ConsentPurpose, withdrawnOn: c.withdrawnOn }));
  const withdrawn: Record<ConsentPurpose, boolean> = {
    processing: row.processingWithdrawnAt !== null,
    special_categories: row.specialCategoriesWithdrawnAt !== null,
    follow_up_contact: consentWithdrawn(records, "follow_up_contact"),
  };
  return CONSENT_PURPOSES.filter((p) => withdrawn[p]);
}

/** The household as `actor` may see it: its special categories (needs) only with full access. */
async function householdDetailOf(
  db: Db,
  actor: Actor,
  row: HouseholdRow,
  now: Date,
): Promise<HouseholdDetail> {
  const [members, events, consents, { access, onTeam }] = await inOrder([
    () => listHouseholdMembers(db, row.id),
    () => listHouseholdEvents(db, row.id),
    () => listConsentRows(db, row.id),
    () => caseAccessOf(db, actor, row),
  ]);
  const status = row.status as HouseholdStatus;
  const suspendedFrom = row.suspendedFrom as HouseholdStatus | null;
  const durations = householdDurations(
    events.map((e) => ({
      at: e.at,
      from: e.fromStatus as HouseholdStatus | null,
      to: e.toStatus as HouseholdStatus,
    })),
    now,
  );
  const fields = fieldsOf(row, members);
  return {
    ...fields,
    needs: access === "full" ? fields.needs : null,
    specialCategories: access,
    onTeam,
    consentWithdrawn: withdrawnPurposes(row, consents),
    id: row.id,
    reference: row.reference,
    status,
    suspendedFrom,
    partner: partnerOf(row),
    referringOrganisation: { code: row.referringCode, name: row.referringName },
    version: row.version,
    allowedTransitions: allowedHouseholdTransitions(status, suspendedFrom),
    durations,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listHouseholds(options: {
  db: Db;
  actor: Actor;
  query: HouseholdListQuery;
  now: Date;
}): Promise<{ items: HouseholdSummary[]; total: number }> {
  const { db, actor, query, now } = options;
  const scope = householdScopeOf(actor);
  const [rows, total] = await inOrder([
    () => listHouseholdRows(db, query, scope, now),
    () => countHouseholdRows(db, query, scope),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status as HouseholdStatus,
      targetGroup: r.targetGroup as TargetGroup,
      category: r.category as UnitCategory,
      headName: r.headName,
      members: r.members,
      partner: partnerOf(r),
      statusSince: r.statusSince.toISOString(),
      overdueReferral: r.overdueReferral,
    })),
    total,
  };
}

const staleVersion = (what: string) =>
  fieldError("CONFLICT", "version", `The ${what} was changed by someone else; reload it and retry`);

export async function updateHousehold(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  patch: HouseholdUpdate;
  now: Date;
}) {
  const { db, actor, idOrReference, patch, now } = options;
  const id = await db.transaction(async (tx) => {
    const row = await findHouseholdOrFail(tx, actor, idOrReference);
    const { version, ...changes } = patch;
    if (row.version !== version) {
      throw fieldError(
        "CONFLICT",
        "version",
        `The household was changed by someone else (version ${row.version}, you sent ${version}); reload it and retry`,
      );
    }
    if (changes.needs !== undefined && (await caseAccessOf(tx, actor, row)).access === "restricted") {
      throw fieldError(
        "FORBIDDEN",
        "needs",
        "Needs are special-category data: only the household's team and the Comune's social workers change them",
      );
    }
    const before = fieldsOf(row, await listHouseholdMembers(tx, row.id));
    const merged = HouseholdFields.safeParse({ ...before, ...changes });
    if (!merged.success) {
      throw new AppError(
        "INVALID",
        "The household has invalid fields",
        merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
    checkHousehold(merged.data, romeDate(now));
    if (row.partnerCode !== null && merged.data.category !== before.category) {
      await referralPartnerOrFail(tx, row.partnerCode, merged.data.category, "category");
    }
    const { members, ...values } = merged.data;
    if (!(await updateHouseholdRow(tx, row.id, version, { ...values, at: now })))
      throw staleVersion("household");
    if (changes.members !== undefined) await replaceHouseholdMembers(tx, row.id, members);
    return row.id;
  });
  return getHousehold({ db, actor, idOrReference: id, now });
}

export async function transitionHousehold(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: HouseholdTransition;
  now: Date;
}) {
  const { db, actor, idOrReference, input, now } = options;
  const id = await db.transaction(async (tx) => {
    const row = await findHouseholdOrFail(tx, actor, idOrReference);
    const from = row.status as HouseholdStatus;
    const suspendedFrom = row.suspendedFrom as HouseholdStatus | null;
    const allowed = allowedHouseholdTransitions(from, suspendedFrom);
    if (!canMoveHousehold(from, input.to) || (from === "suspended" && !canResume(suspendedFrom, input.to))) {
      throw fieldError(
        "CONFLICT",
        "to",
        `A household cannot go from ${from} to ${input.to}; allowed: ${allowed.join(", ") || "none"}`,
      );
    }
    // The exit is recorded with its date, destination and follow-ups, and moves the status itself.
    if (input.to === "exited") {
      throw fieldError(
        "CONFLICT",
        "to",
        `Record the exit through POST /households/${row.id}/exit: it moves the household to exited`,
      );
    }
    // Its path is the managing partner's to follow: first a partner must have taken it on.
    if (row.managingPartnerId === null || (await findPendingReferralRow(tx, row.id)) !== null) {
      throw fieldError("CONFLICT", "to", "The household has no partner that accepted its referral yet");
    }
    const moved = await updateHouseholdRow(tx, row.id, row.version, {
      status: input.to,
      suspendedFrom: input.to === "suspended" ? from : null,
      at: now,
    });
    if (!moved)
      throw fieldError("CONFLICT", "to", "The household was changed by someone else; reload it and retry");
    await insertHouseholdEventFor(tx, {
      householdId: row.id,
      actor,
      from,
      to: input.to,
      note: input.note,
      at: now,
    });
    return row.id;
  });
  return getHousehold({ db, actor, idOrReference: id, now });
}

export async function insertHouseholdEventFor(
  db: Db,
  event: {
    householdId: string;
    actor: Actor;
    from: HouseholdStatus | null;
    to: HouseholdStatus;
    note: string;
    at: Date;
  },
) {
  await insertHouseholdEvent(db, {
    householdId: event.householdId,
    at: event.at,
    actorId: event.actor.userId,
    fromStatus: event.from,
    toStatus: event.to,
    note: event.note,
  });
}

type TimelineItem = TimelineEntry & { order: number };

const who = (name: string | null, role: string | null) =>
  name === null || role === null ? null : { name, role };

/**
 * At the same instant, the order of a timeline's entries: the status change before the referral
 * that went with it, and the records of the case after both.
 */
const SAME_INSTANT_ORDER: Record<TimelineEntry["kind"], number> = {
  status: 0,
  referral: 1,
  plan: 2,
  review: 2,
  intervention: 2,
  exit: 2,
  follow_up: 2,
  document: 3,
  consent: 3,
};
const item = (entry: TimelineEntry): TimelineItem => ({ ...entry, order: SAME_INSTANT_ORDER[entry.kind] });

function statusEntries(events: Awaited<ReturnType<typeof listHouseholdEvents>>): TimelineItem[] {
  return events.map((e) =>
    item({
      at: e.at.toISOString(),
      kind: "status",
      from: e.fromStatus,
      to: e.toStatus,
      actor: who(e.actorName, e.actorRole),
      note: e.note,
    }),
  );
}

function referralEntries(referralRows: Awaited<ReturnType<typeof listHouseholdReferrals>>): TimelineItem[] {
  return referralRows.flatMap((r) => [
    item({
      at: r.referredAt.toISOString(),
      kind: "referral",
      from: null,
      to: "pending",
      actor: who(r.referredByName, r.referredByRole),
      note: `Referred to ${r.partnerName}`,
    }),
    ...(r.answeredAt === null
      ? []
      : [
          item({
            at: r.answeredAt.toISOString(),
            kind: "referral",
            from: "pending",
            to: r.status,
            actor: who(r.answeredByName, r.answeredByRole),
            note: r.returnReason ?? "",
          }),
        ]),
  ]);
}

function documentEntries(documents: readonly DocumentRow[]): TimelineItem[] {
  return documents.map((d) =>
    item({
      at: d.uploadedAt.toISOString(),
      kind: "document",
      from: null,
      to: d.kind,
      actor: who(d.uploadedByName, d.uploadedByRole),
      note: d.title,
    }),
  );
}

function consentEntries(consents: readonly ConsentRow[]): TimelineItem[] {
  return consents.flatMap((c) => [
    item({
      at: c.recordedAt.toISOString(),
      kind: "consent",
      from: c.purpose,
      to: "given",
      actor: who(c.recordedByName, c.recordedByRole),
      note: c.note,
    }),
    ...(c.withdrawnAt === null
      ? []
      : [
          item({
            at: c.withdrawnAt.toISOString(),
            kind: "consent",
            from: c.purpose,
            to: "withdrawn",
            actor: who(c.withdrawnByName, c.withdrawnByRole),
            note: c.note,
          }),
        ]),
  ]);
}

/**
 * A household's timeline: each kind of record gives its entries (one function each: the support
 * plan's, interventions', exit's and follow-ups' go alongside), merged oldest first.
 */
export async function getHouseholdTimeline(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
}): Promise<{ id: string; timeline: { items: TimelineEntry[] } }> {
  const { db, actor, idOrReference } = options;
  const row = await findHouseholdOrFail(db, actor, idOrReference);
  const { access } = await caseAccessOf(db, actor, row);
  const [events, referralRows, documents, consents, care] = await inOrder([
    () => listHouseholdEvents(db, row.id),
    () => listHouseholdReferrals(db, row.id),
    () => listDocumentRows(db, row.id),
    () => listConsentRows(db, row.id),
    () => careTimelineEntries(db, row.id, access),
  ]);
  const entries = [
    ...statusEntries(events),
    ...referralEntries(referralRows),
    ...documentEntries(documents),
    ...consentEntries(consents),
    ...care.map(item),
  ];
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  return { id: row.id, timeline: { items: entries.map(({ order: _order, ...entry }) => entry) } };
}
