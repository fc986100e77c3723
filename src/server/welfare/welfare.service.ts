// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { hasPermission, scopeOfRole } from "../../domain/auth/roles.ts";
import {
  type ActivityInput,
  type BookingInput,
  overlaps,
  type SpaceInput,
  type SpaceKind,
  type WelfareServiceInput,
  type WelfareServiceKind,
} from "../../domain/welfare/welfare.ts";
import type {
  SpaceView,
  WelfareOverview,
  WelfareServiceView,
} from "../../domain/welfare/welfare-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import {
  buildings,
  commonSpaces,
  organisations,
  spaceBookings,
  welfareActivities,
  welfareServices,
} from "../db/schema.ts";
import { AppError, fieldError, uniqueViolationOf } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";

/*
 * Community welfare: every staff account reads the shared services, their activities (counts only),
 * the common and non-residential spaces and their bookings; the organisation running a service or
 * managing a space records them (the programme's scope for any organisation). Row-level security holds
 * the same line. A booking never overlaps another on the same space and day.
 */

type Context = { db: Db; actor: Actor; today: string };

const seesProgramme = (actor: Actor) => scopeOfRole(actor.role) === "programme";
const mayWrite = (actor: Actor, organisationId: string) =>
  hasPermission(actor.role, "welfare:write") &&
  (seesProgramme(actor) || organisationId === actor.organisationId);

const place = (town: string, municipio: number | null) =>
  municipio !== null ? `municipio_${municipio}` : town;

async function buildingOf(db: Db, code: string, field: string) {
  const [row] = await db.select().from(buildings).where(eq(buildings.code, code));
  if (row === undefined) throw fieldError("UNPROCESSABLE", field, `No building with code ${code}`);
  return row;
}

async function organisationFor(db: Db, actor: Actor, code: string | null): Promise<string> {
  if (code === null || code === actor.organisationCode) return actor.organisationId;
  if (!seesProgramme(actor))
    throw fieldError(
      "UNPROCESSABLE",
      "organisationCode",
      "A partner records its own organisation's services",
    );
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (row === undefined)
    throw fieldError("UNPROCESSABLE", "organisationCode", `No organisation with code ${code}`);
  return row.id;
}

async function serviceViews(db: Db, actor: Actor, id?: string): Promise<WelfareServiceView[]> {
  const [services, activities] = await inOrder([
    () =>
      db
        .select({ service: welfareServices, organisationCode: organisations.code })
        .from(welfareServices)
        .innerJoin(organisations, eq(organisations.id, welfareServices.organisationId))
        .where(id === undefined ? undefined : eq(welfareServices.id, id))
        .orderBy(asc(welfareServices.town), asc(welfareServices.municipio), asc(welfareServices.name)),
    () =>
      db
        .select()
        .from(welfareActivities)
        .where(id === undefined ? undefined : eq(welfareActivities.serviceId, id))
        .orderBy(asc(welfareActivities.heldOn)),
  ]);
  return services.map(({ service: s, organisationCode }) => {
    const own = activities.filter((a) => a.serviceId === s.id);
    return {
      id: s.id,
      kind: s.kind as WelfareServiceKind,
      name: s.name,
      description: s.description,
      buildingCode: s.buildingCode,
      town: s.town,
      municipio: s.municipio,
      organisationCode,
      startedOn: s.startedOn,
      endedOn: s.endedOn,
      activities: own.map((a) => ({
        id: a.id,
        title: a.title,
        heldOn: a.heldOn,
        participants: a.participants,
        residents: a.residents,
        note: a.note,
      })),
      participants: own.reduce((n, a) => n + a.participants, 0),
      residents: own.reduce((n, a) => n + a.residents, 0),
      editable: mayWrite(actor, s.organisationId),
    };
  });
}

async function spaceViews(db: Db, actor: Actor, today: string, id?: string): Promise<SpaceView[]> {
  const [spaces, bookings] = await inOrder([
    () =>
      db
        .select({
          space: commonSpaces,
          town: buildings.town,
          municipio: buildings.municipio,
          organisationCode: organisations.code,
        })
        .from(commonSpaces)
        .innerJoin(buildings, eq(buildings.code, commonSpaces.buildingCode))
        .innerJoin(organisations, eq(organisations.id, commonSpaces.organisationId))
        .where(id === undefined ? undefined : eq(commonSpaces.id, id))
        .orderBy(asc(commonSpaces.buildingCode), asc(commonSpaces.name)),
    () =>
      db
        .select({ booking: spaceBookings, organisationCode: organisations.code })
        .from(spaceBookings)
        .innerJoin(organisations, eq(organisations.id, spaceBookings.organisationId))
        .where(
          and(
            gte(spaceBookings.bookedFor, today),
            id === undefined ? undefined : eq(spaceBookings.spaceId, id),
          ),
        )
        .orderBy(asc(spaceBookings.bookedFor), asc(spaceBookings.fromTime)),
  ]);
  return spaces.map(({ space: s, town, municipio, organisationCode }) => ({
    id: s.id,
    buildingCode: s.buildingCode,
    town,
    municipio,
    name: s.name,
    kind: s.kind as SpaceKind,
    use: s.use,
    capacity: s.capacity,
    bookable: s.bookable,
    surfaceM2: s.surfaceM2,
    rules: s.rules,
    organisationCode,
    bookings: bookings
      .filter((b) => b.booking.spaceId === s.id)
      .map(({ booking: b, organisationCode: code }) => ({
        id: b.id,
        bookedFor: b.bookedFor,
        fromTime: b.fromTime,
        toTime: b.toTime,
        purpose: b.purpose,
        status: b.status as "booked" | "cancelled",
        organisationCode: code,
      })),
    editable: mayWrite(actor, s.organisationId),
  }));
}

/** Every shared service with its activities, every space with its bookings to come, and participation. */
export async function welfareOverview(options: Context): Promise<WelfareOverview> {
  const { db, actor, today } = options;
  const [services, spaces] = await inOrder([
    () => serviceViews(db, actor),
    () => spaceViews(db, actor, today),
  ]);
  const participation = new Map<string, WelfareOverview["participation"][number]>();
  for (const s of services) {
    const key = `${s.kind}|${place(s.town, s.municipio)}`;
    const row = participation.get(key) ?? {
      kind: s.kind,
      place: place(s.town, s.municipio),
      activities: 0,
      participants: 0,
      residents: 0,
    };
    row.activities += s.activities.length;
    row.participants += s.participants;
    row.residents += s.residents;
    participation.set(key, row);
  }
  return {
    asOf: today,
    services,
    spaces,
    participation: [...participation.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.place.localeCompare(b.place),
    ),
  };
}

export async function createService(
  options: Context & { input: WelfareServiceInput },
): Promise<WelfareServiceView> {
  const { db, actor, input } = options;
  let { town, municipio } = input;
  if (input.buildingCode !== null) {
    const building = await buildingOf(db, input.buildingCode, "buildingCode");
    if (building.town.toLowerCase() !== town.toLowerCase() || building.municipio !== municipio)
      throw fieldError(
        "UNPROCESSABLE",
        "town",
        `Building ${building.code} is in ${building.town}${building.municipio ? `, Municipio ${building.municipio}` : ""}`,
      );
    town = building.town;
    municipio = building.municipio;
  }
  const organisationId = await organisationFor(db, actor, input.organisationCode);
  const [row] = await db
    .insert(welfareServices)
    .values({
      kind: input.kind,
      name: input.name,
      description: input.description,
      buildingCode: input.buildingCode,
      town,
      municipio,
      organisationId,
      startedOn: input.startedOn,
      endedOn: input.endedOn,
    })
    .returning({ id: welfareServices.id });
  const [view] = await serviceViews(db, actor, row?.id as string);
  return view as WelfareServiceView;
}

export async function addActivity(
  options: Context & { serviceId: string; input: ActivityInput },
): Promise<WelfareServiceView> {
  const { db, actor, serviceId, input } = options;
  const [service] = isUuid(serviceId)
    ? await db.select().from(welfareServices).where(eq(welfareServices.id, serviceId))
    : [];
  if (service === undefined) throw new AppError("NOT_FOUND", `No shared service "${serviceId}"`);
  if (!mayWrite(actor, service.organisationId))
    throw new AppError("FORBIDDEN", "Only the organisation running the service records its activities");
  if (input.heldOn < service.startedOn || (service.endedOn !== null && input.heldOn > service.endedOn))
    throw fieldError("UNPROCESSABLE", "heldOn", "The activity falls outside the days the service ran");
  await db.insert(welfareActivities).values({
    serviceId: service.id,
    title: input.title,
    heldOn: input.heldOn,
    participants: input.participants,
    residents: input.residents,
    note: input.note,
    organisationId: service.organisationId,
  });
  const [view] = await serviceViews(db, actor, service.id);
  return view as WelfareServiceView;
}

export async function createSpace(options: Context & { input: SpaceInput }): Promise<SpaceView> {
  const { db, actor, today, input } = options;
  await buildingOf(db, input.buildingCode, "buildingCode");
  const [row] = await db
    .insert(commonSpaces)
    .values({
      buildingCode: input.buildingCode,
      name: input.name,
      kind: input.kind,
      use: input.use,
      capacity: input.capacity,
      bookable: input.bookable,
      surfaceM2: input.surfaceM2,
      rules: input.rules,
      organisationId: actor.organisationId,
    })
    .returning({ id: commonSpaces.id })
    .catch((e: unknown) => {
      if (uniqueViolationOf(e)?.includes("common_spaces_name_key"))
        throw fieldError(
          "CONFLICT",
          "name",
          `Building ${input.buildingCode} already has a space "${input.name}"`,
        );
      throw e;
    });
  const [view] = await spaceViews(db, actor, today, row?.id as string);
  return view as SpaceView;
}

/** Book a common space: one booking at a time on a space and day (the space's row is locked meanwhile). */
export async function bookSpace(
  options: Context & { spaceId: string; input: BookingInput },
): Promise<SpaceView> {
  const { db, actor, today, spaceId, input } = options;
  if (!isUuid(spaceId)) throw new AppError("NOT_FOUND", `No space "${spaceId}"`);
  const [visible] = await db.select().from(commonSpaces).where(eq(commonSpaces.id, spaceId));
  if (visible === undefined) throw new AppError("NOT_FOUND", `No space "${spaceId}"`);
  if (!mayWrite(actor, visible.organisationId))
    throw new AppError("FORBIDDEN", "Only the organisation managing the space books it for its residents");
  const [space] = await db.select().from(commonSpaces).where(eq(commonSpaces.id, spaceId)).for("update");
  if (space === undefined || !space.bookable)
    throw fieldError("CONFLICT", "bookedFor", `${visible.name} is not booked by the residents`);
  if (input.bookedFor < today)
    throw fieldError("UNPROCESSABLE", "bookedFor", "A booking is for today or later");
  const sameDay = await db
    .select()
    .from(spaceBookings)
    .where(
      and(
        eq(spaceBookings.spaceId, spaceId),
        eq(spaceBookings.bookedFor, input.bookedFor),
        eq(spaceBookings.status, "booked"),
      ),
    );
  const clash = sameDay.find((b) => overlaps(b, input));
  if (clash !== undefined)
    throw fieldError(
      "CONFLICT",
      "fromTime",
      `${space.name} is booked from ${clash.fromTime} to ${clash.toTime} that day`,
    );
  await db.insert(spaceBookings).values({
    spaceId,
    bookedFor: input.bookedFor,
    fromTime: input.fromTime,
    toTime: input.toTime,
    purpose: input.purpose,
    organisationId: space.organisationId,
    createdBy: actor.userId,
  });
  const [view] = await spaceViews(db, actor, today, spaceId);
  return view as SpaceView;
}

export async function cancelBooking(options: Context & { id: string }): Promise<SpaceView> {
  const { db, actor, today, id } = options;
  if (!isUuid(id)) throw new AppError("NOT_FOUND", `No booking "${id}"`);
  const [booking] = await db.select().from(spaceBookings).where(eq(spaceBookings.id, id));
  if (booking === undefined) throw new AppError("NOT_FOUND", `No booking "${id}"`);
  if (!mayWrite(actor, booking.organisationId))
    throw new AppError("FORBIDDEN", "Only the organisation managing the space cancels its bookings");
  await db
    .update(spaceBookings)
    .set({ status: "cancelled" })
    .where(and(eq(spaceBookings.id, id), sql`${spaceBookings.status} = 'booked'`));
  const [view] = await spaceViews(db, actor, today, booking.spaceId);
  return view as SpaceView;
}
