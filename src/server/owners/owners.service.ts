// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { hasPermission } from "../../domain/auth/roles.ts";
import {
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactInput,
  type ContactOutcome,
  OFFER_STATUSES,
  type OfferAcceptance,
  type OfferDecision,
  type OfferInput,
  type OfferStatus,
  OWNER_KINDS,
  OwnerInput,
  type OwnerKind,
  type OwnerUpdate,
  type SchemeInput,
  type SchemeKind,
  type UptakeInput,
} from "../../domain/owners/owners.ts";
import type {
  ContactView,
  OfferView,
  OwnerDetail,
  OwnerList,
  OwnerSummaryView,
  OwnersSummary,
  SchemeList,
  SchemeView,
} from "../../domain/owners/owners-api.schema.ts";
import {
  askedRentAgainstCap,
  monthsCovered,
  nextOfferStatuses,
  offerTransitionProblem,
  uptakeProblems,
} from "../../domain/owners/owners-rules.ts";
import { UNIT_CATEGORIES, type UnitCategory, UnitCreate } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import {
  guaranteeSchemes,
  guaranteeUptakes,
  organisations,
  ownerContacts,
  ownerOffers,
  privateOwners,
  units,
} from "../db/schema.ts";
import { AppError, fieldError, uniqueViolationOf } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import { createUnit } from "../units/units.service.ts";

/*
 * The private owners' line (A.4): owners and their associations contacted, the homes they offer, and
 * the guarantee schemes offered to them with their uptake. The programme's scope reads and writes it
 * (row-level security holds the same line; a scheme's terms are every staff account's to read). An
 * accepted home enters the stock through the units service, so it gets the unit rules and history.
 */

type Context = { db: Db; actor: Actor; today: string };

const notFound = (what: string, id: string) => new AppError("NOT_FOUND", `No ${what} "${id}"`);
const staleVersion = (what = "offer") =>
  fieldError("CONFLICT", "version", `The ${what} was changed meanwhile: reload it and try again`);
const notAfterToday = (field: string, value: string, today: string) => {
  if (value > today) throw fieldError("UNPROCESSABLE", field, `${field} cannot be after today (${today})`);
};

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

const ownerColumns = {
  id: privateOwners.id,
  kind: privateOwners.kind,
  name: privateOwners.name,
  contact: privateOwners.contact,
  town: privateOwners.town,
  municipio: privateOwners.municipio,
  notes: privateOwners.notes,
  version: privateOwners.version,
  contacts: sql<number>`(select count(*)::int from ${ownerContacts} c where c.owner_id = "private_owners"."id")`,
  lastContactOn: sql<
    string | null
  >`(select max(c.contacted_on)::text from ${ownerContacts} c where c.owner_id = "private_owners"."id")`,
  offers: sql<number>`(select count(*)::int from ${ownerOffers} f where f.owner_id = "private_owners"."id")`,
  unitsEntered: sql<number>`(select count(*)::int from ${ownerOffers} f where f.owner_id = "private_owners"."id" and f.status = 'accepted')`,
};

async function ownerSummaries(db: Db, where?: SQL): Promise<OwnerSummaryView[]> {
  const rows = await db
    .select(ownerColumns)
    .from(privateOwners)
    .where(where)
    .orderBy(asc(privateOwners.name), asc(privateOwners.id));
  return rows.map((r) => ({ ...r, kind: r.kind as OwnerKind }));
}

async function ownerSummary(db: Db, id: string): Promise<OwnerSummaryView> {
  if (!isUuid(id)) throw notFound("owner", id);
  const [owner] = await ownerSummaries(db, eq(privateOwners.id, id));
  if (owner === undefined) throw notFound("owner", id);
  return owner;
}

async function offerViews(db: Db, where: SQL): Promise<OfferView[]> {
  const offers = await db
    .select({
      offer: ownerOffers,
      ownerName: privateOwners.name,
      unitCode: units.code,
      unitCategory: units.category,
    })
    .from(ownerOffers)
    .innerJoin(privateOwners, eq(privateOwners.id, ownerOffers.ownerId))
    .leftJoin(units, eq(units.id, ownerOffers.unitId))
    .where(where)
    .orderBy(desc(ownerOffers.offeredOn), asc(ownerOffers.address));
  if (offers.length === 0) return [];
  const uptakes = await db
    .select({
      id: guaranteeUptakes.id,
      offerId: guaranteeUptakes.offerId,
      schemeId: guaranteeUptakes.schemeId,
      schemeName: guaranteeSchemes.name,
      schemeKind: guaranteeSchemes.kind,
      from: guaranteeUptakes.fromOn,
      to: guaranteeUptakes.toOn,
      coverCents: guaranteeUptakes.coverCents,
    })
    .from(guaranteeUptakes)
    .innerJoin(guaranteeSchemes, eq(guaranteeSchemes.id, guaranteeUptakes.schemeId))
    .where(
      inArray(
        guaranteeUptakes.offerId,
        offers.map((o) => o.offer.id),
      ),
    )
    .orderBy(asc(guaranteeUptakes.fromOn), asc(guaranteeSchemes.name));
  return offers.map(({ offer, ownerName, unitCode, unitCategory }) => {
    const status = offer.status as OfferStatus;
    const categories: readonly UnitCategory[] =
      unitCategory === null ? UNIT_CATEGORIES : [unitCategory as UnitCategory];
    return {
      id: offer.id,
      ownerId: offer.ownerId,
      ownerName,
      address: offer.address,
      town: offer.town,
      municipio: offer.municipio,
      surfaceM2: offer.surfaceM2,
      rooms: offer.rooms,
      askedRentCents: offer.askedRentCents,
      offeredOn: offer.offeredOn,
      status,
      decidedOn: offer.decidedOn,
      reason: offer.reason,
      unitCode,
      rentAgainstCap: categories.map((c) => askedRentAgainstCap(offer.askedRentCents, c, offer.surfaceM2)),
      uptakes: uptakes
        .filter((u) => u.offerId === offer.id)
        .map(({ offerId: _offer, ...u }) => ({
          ...u,
          schemeKind: u.schemeKind as SchemeKind,
          months: monthsCovered(u.from, u.to),
        })),
      nextStatuses: [...nextOfferStatuses(status)],
      version: offer.version,
    };
  });
}

async function offerView(db: Db, id: string): Promise<OfferView> {
  const [view] = await offerViews(db, eq(ownerOffers.id, id));
  if (view === undefined) throw notFound("owner offer", id);
  return view;
}

async function contactViews(db: Db, where: SQL): Promise<ContactView[]> {
  const rows = await db
    .select({
      id: ownerContacts.id,
      contactedOn: ownerContacts.contactedOn,
      channel: ownerContacts.channel,
      outcome: ownerContacts.outcome,
      note: ownerContacts.note,
      organisationCode: organisations.code,
    })
    .from(ownerContacts)
    .innerJoin(organisations, eq(organisations.id, ownerContacts.organisationId))
    .where(where)
    .orderBy(desc(ownerContacts.contactedOn), desc(ownerContacts.createdAt));
  return rows.map((r) => ({
    ...r,
    channel: r.channel as ContactChannel,
    outcome: r.outcome as ContactOutcome,
  }));
}

/** Every owner, association and agency, with its contacts, offers and homes entered counted. */
export async function listOwners(options: Context): Promise<OwnerList> {
  const { db, today } = options;
  return { asOf: today, owners: await ownerSummaries(db) };
}

/** An owner with its contacts (newest first) and its offered homes with their guarantees. */
export async function ownerDetail(options: Context & { id: string }): Promise<OwnerDetail> {
  const { db, today, id } = options;
  const owner = await ownerSummary(db, id);
  const [contacts, offers] = await inOrder([
    () => contactViews(db, eq(ownerContacts.ownerId, owner.id)),
    () => offerViews(db, eq(ownerOffers.ownerId, owner.id)),
  ]);
  return { asOf: today, owner, contacts, offers };
}

// ── Owners, contacts, offers ─────────────────────────────────────────────────────────────────────

export async function createOwner(options: Context & { input: OwnerInput }): Promise<OwnerSummaryView> {
  const { db, actor, input } = options;
  const [row] = await db
    .insert(privateOwners)
    .values({ ...input, createdBy: actor.userId })
    .returning({ id: privateOwners.id });
  return ownerSummary(db, row?.id as string);
}

/**
 * Change an owner's details: the fields sent, on the version read (a stale one is a 409 naming
 * version). The owner as changed passes the rules of a new one (a Municipio only in Milano).
 */
export async function updateOwner(
  options: Context & { id: string; input: OwnerUpdate },
): Promise<OwnerSummaryView> {
  const { db, id, input } = options;
  if (!isUuid(id)) throw notFound("owner", id);
  const [row] = await db.select().from(privateOwners).where(eq(privateOwners.id, id)).for("update");
  if (row === undefined) throw notFound("owner", id);
  const { version, ...changes } = input;
  if (row.version !== version) throw staleVersion("owner");
  const { kind, name, contact, town, municipio, notes } = row;
  const merged = OwnerInput.safeParse({ kind, name, contact, town, municipio, notes, ...changes });
  if (!merged.success)
    throw new AppError(
      "INVALID",
      "The owner has invalid fields",
      merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  // Nothing changes: the version stays, so a form saved twice is not a conflict with itself.
  const same = Object.entries(merged.data).every(
    ([field, value]) => row[field as keyof typeof row] === value,
  );
  if (same) return ownerSummary(db, row.id);
  const updated = await db
    .update(privateOwners)
    .set({ ...merged.data, version: sql`${privateOwners.version} + 1` })
    .where(and(eq(privateOwners.id, row.id), eq(privateOwners.version, version)))
    .returning({ id: privateOwners.id });
  if (updated.length === 0) throw staleVersion("owner");
  return ownerSummary(db, row.id);
}

export async function addContact(
  options: Context & { ownerId: string; input: ContactInput },
): Promise<ContactView> {
  const { db, actor, today, ownerId, input } = options;
  const owner = await ownerSummary(db, ownerId);
  notAfterToday("contactedOn", input.contactedOn, today);
  const [row] = await db
    .insert(ownerContacts)
    .values({ ...input, ownerId: owner.id, organisationId: actor.organisationId, createdBy: actor.userId })
    .returning({ id: ownerContacts.id });
  const [saved] = await contactViews(db, eq(ownerContacts.id, row?.id as string));
  return saved as ContactView;
}

export async function addOffer(
  options: Context & { ownerId: string; input: OfferInput },
): Promise<OfferView> {
  const { db, actor, today, ownerId, input } = options;
  const owner = await ownerSummary(db, ownerId);
  notAfterToday("offeredOn", input.offeredOn, today);
  const [row] = await db
    .insert(ownerOffers)
    .values({ ...input, ownerId: owner.id, createdBy: actor.userId })
    .returning({ id: ownerOffers.id });
  return offerView(db, row?.id as string);
}

/** The offer's row, locked, so a decision and an acceptance at once are taken one after the other. */
async function lockedOffer(db: Db, id: string) {
  if (!isUuid(id)) throw notFound("owner offer", id);
  const [row] = await db.select().from(ownerOffers).where(eq(ownerOffers.id, id)).for("update");
  if (row === undefined) throw notFound("owner offer", id);
  return row;
}

/** The checks every decision on an offer passes: the version read, the move allowed, the day. */
function checkDecision(
  offer: typeof ownerOffers.$inferSelect,
  to: OfferStatus,
  decision: { decidedOn: string; version: number },
  today: string,
) {
  if (offer.version !== decision.version) throw staleVersion();
  const problem = offerTransitionProblem(offer.status as OfferStatus, to);
  if (problem !== null) throw fieldError("CONFLICT", "status", problem);
  if (decision.decidedOn < offer.offeredOn)
    throw fieldError(
      "UNPROCESSABLE",
      "decidedOn",
      `decidedOn cannot be before the home was offered (${offer.offeredOn})`,
    );
  notAfterToday("decidedOn", decision.decidedOn, today);
}

async function saveDecision(
  db: Db,
  offer: typeof ownerOffers.$inferSelect,
  values: { status: OfferStatus; decidedOn: string; reason: string; unitId?: string },
) {
  const updated = await db
    .update(ownerOffers)
    .set({ ...values, version: sql`${ownerOffers.version} + 1` })
    .where(and(eq(ownerOffers.id, offer.id), eq(ownerOffers.version, offer.version)))
    .returning({ id: ownerOffers.id });
  if (updated.length === 0) throw staleVersion();
}

/** Put an offer under review, decline it or record that the owner withdrew it. */
export async function decideOffer(
  options: Context & { id: string; input: OfferDecision },
): Promise<OfferView> {
  const { db, today, id, input } = options;
  const offer = await lockedOffer(db, id);
  checkDecision(offer, input.status, input, today);
  await saveDecision(db, offer, { status: input.status, decidedOn: input.decidedOn, reason: input.reason });
  return offerView(db, offer.id);
}

/**
 * Accept a home reviewed: it enters the stock as a unit of origin private, created by the units
 * service (its rules, its history) in the same transaction, and the offer is linked to it.
 */
export async function acceptOffer(
  options: Context & { id: string; input: OfferAcceptance },
): Promise<OfferView> {
  const { db, actor, today, id, input } = options;
  const offer = await lockedOffer(db, id);
  checkDecision(offer, "accepted", input, today);
  const { decidedOn, version: _version, ...unitFields } = input;
  const parsed = UnitCreate.safeParse({
    ...unitFields,
    address: offer.address,
    town: offer.town,
    municipio: offer.municipio,
    surfaceM2: offer.surfaceM2,
    rooms: offer.rooms,
    origin: "private",
    // The owner stays in the owners' register: the unit, which partners read, does not name her.
    notes: `Offered by a private owner on ${offer.offeredOn}, accepted on ${decidedOn}`,
  });
  if (!parsed.success)
    throw new AppError(
      "INVALID",
      "The home cannot enter the stock as it is",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const unit = await createUnit({ db, actor, input: parsed.data });
  await saveDecision(db, offer, { status: "accepted", decidedOn, reason: "", unitId: unit.id });
  return offerView(db, offer.id);
}

// ── Guarantee schemes ────────────────────────────────────────────────────────────────────────────

async function schemeViews(db: Db, actor: Actor, where?: SQL): Promise<SchemeView[]> {
  const schemes = await db
    .select()
    .from(guaranteeSchemes)
    .where(where)
    .orderBy(asc(guaranteeSchemes.kind), asc(guaranteeSchemes.name));
  // Uptakes are on owners' homes: only who reads the owners' line sees them.
  const seesUptakes = hasPermission(actor.role, "owners:read");
  const figures = seesUptakes ? await uptakeFigures(db) : [];
  const byScheme = new Map(figures.map((f) => [f.schemeId, f]));
  return schemes.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind as SchemeKind,
    terms: s.terms,
    maxCoverCents: s.maxCoverCents,
    maxMonths: s.maxMonths,
    active: s.active,
    uptakes: seesUptakes ? (byScheme.get(s.id)?.uptakes ?? 0) : null,
    totalCoverCents: seesUptakes ? (byScheme.get(s.id)?.totalCoverCents ?? 0) : null,
  }));
}

function uptakeFigures(db: Db) {
  return db
    .select({
      schemeId: guaranteeUptakes.schemeId,
      uptakes: sql<number>`count(*)::int`,
      totalCoverCents: sql<number>`coalesce(sum(${guaranteeUptakes.coverCents}), 0)::int`,
    })
    .from(guaranteeUptakes)
    .groupBy(guaranteeUptakes.schemeId);
}

export async function listSchemes(options: Context): Promise<SchemeList> {
  return { schemes: await schemeViews(options.db, options.actor) };
}

export async function createScheme(options: Context & { input: SchemeInput }): Promise<SchemeView> {
  const { db, actor, input } = options;
  const [row] = await db
    .insert(guaranteeSchemes)
    .values(input)
    .returning({ id: guaranteeSchemes.id })
    .catch((e: unknown) => {
      if (uniqueViolationOf(e)?.includes("guarantee_schemes_name_key"))
        throw fieldError("CONFLICT", "name", `A scheme named "${input.name}" already exists`);
      throw e;
    });
  const [saved] = await schemeViews(db, actor, eq(guaranteeSchemes.id, row?.id as string));
  return saved as SchemeView;
}

/**
 * Offer a scheme to owners again, or no longer (`active` false): a scheme no longer offered takes no
 * new uptake; the guarantees already granted stand. Setting the state it already has changes nothing.
 */
export async function setSchemeActive(
  options: Context & { id: string; active: boolean },
): Promise<SchemeView> {
  const { db, actor, id, active } = options;
  if (!isUuid(id)) throw notFound("guarantee scheme", id);
  const updated = await db
    .update(guaranteeSchemes)
    .set({ active })
    .where(eq(guaranteeSchemes.id, id))
    .returning({ id: guaranteeSchemes.id });
  if (updated.length === 0) throw notFound("guarantee scheme", id);
  const [saved] = await schemeViews(db, actor, eq(guaranteeSchemes.id, id));
  return saved as SchemeView;
}

/** Grant a guarantee of a scheme on an accepted home, within the scheme's cover and months. */
export async function addUptake(
  options: Context & { offerId: string; input: UptakeInput },
): Promise<OfferView> {
  const { db, actor, offerId, input } = options;
  const offer = await lockedOffer(db, offerId);
  // Shared lock: a deactivation at the same time waits for this uptake, or this uptake sees it.
  const [scheme] = await db
    .select()
    .from(guaranteeSchemes)
    .where(eq(guaranteeSchemes.id, input.schemeId))
    .for("share");
  if (scheme === undefined)
    throw fieldError("UNPROCESSABLE", "schemeId", `No guarantee scheme "${input.schemeId}"`);
  const problems = uptakeProblems(scheme, offer.status as OfferStatus, input);
  const conflict = problems.find((p) => p.code === "CONFLICT");
  if (conflict !== undefined) throw fieldError("CONFLICT", conflict.path, conflict.message);
  if (problems.length > 0)
    throw new AppError(
      "UNPROCESSABLE",
      "The guarantee breaks the scheme's terms",
      problems.map(({ path, message }) => ({ path, message })),
    );
  await db
    .insert(guaranteeUptakes)
    .values({
      schemeId: scheme.id,
      offerId: offer.id,
      fromOn: input.from,
      toOn: input.to,
      coverCents: input.coverCents,
      createdBy: actor.userId,
    })
    .catch((e: unknown) => {
      if (uniqueViolationOf(e)?.includes("guarantee_uptakes_key"))
        throw fieldError("CONFLICT", "schemeId", `The home already has a guarantee of ${scheme.name}`);
      throw e;
    });
  return offerView(db, offer.id);
}

// ── The line's figures ───────────────────────────────────────────────────────────────────────────

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function tally<K extends string>(keys: readonly K[], rows: { key: string; n: number }[]) {
  const counts = zeroes(keys);
  for (const r of rows) if ((keys as readonly string[]).includes(r.key)) counts[r.key as K] = r.n;
  return counts;
}

/** Owners by kind, contacts by outcome, offers by status, homes entered, uptake per scheme. */
export async function ownersSummary(options: Context): Promise<OwnersSummary> {
  const { db, actor, today } = options;
  const n = sql<number>`count(*)::int`;
  const [owners, contacts, offers, schemes] = await inOrder([
    () => db.select({ key: privateOwners.kind, n }).from(privateOwners).groupBy(privateOwners.kind),
    () => db.select({ key: ownerContacts.outcome, n }).from(ownerContacts).groupBy(ownerContacts.outcome),
    () => db.select({ key: ownerOffers.status, n }).from(ownerOffers).groupBy(ownerOffers.status),
    () => schemeViews(db, actor),
  ]);
  const offersByStatus = tally(OFFER_STATUSES, offers);
  return {
    asOf: today,
    ownersByKind: tally(OWNER_KINDS, owners),
    contactsByOutcome: tally(CONTACT_OUTCOMES, contacts),
    offersByStatus,
    unitsEntered: offersByStatus.accepted,
    uptakeByScheme: schemes.map((s) => ({
      schemeId: s.id,
      name: s.name,
      kind: s.kind,
      uptakes: s.uptakes ?? 0,
      totalCoverCents: s.totalCoverCents ?? 0,
    })),
  };
}
