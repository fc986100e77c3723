// SPDX-License-Identifier: EUPL-1.2

/** Welfare di comunità: the shared services, their activities, the spaces and their bookings. */
export const WELFARE_PATH = "/welfare";

/** Where a service or a space is: a Milan Municipio, or a town of the hinterland (no Municipio). */
export type Place = { town: string; municipio: number | null };

/**
 * A place as the API's participation names it: `municipio_3` for a Municipio of Milano, the town
 * otherwise (`Rho`, or `Milano` for a record of the whole city).
 */
export const placeKey = (p: Place) => (p.municipio !== null ? `municipio_${p.municipio}` : p.town);

/** The place a participation key names. */
export function placeOfKey(key: string): Place {
  const municipio = /^municipio_([1-9])$/.exec(key)?.[1];
  return municipio === undefined
    ? { town: key, municipio: null }
    : { town: "Milano", municipio: Number(municipio) };
}

/** The Municipi in their order, then Milano as a whole, then the other towns alphabetically. */
export function comparePlaces(a: Place, b: Place): number {
  const rank = (p: Place) =>
    p.municipio !== null ? p.municipio : p.town.toLowerCase() === "milano" ? 10 : 11;
  return rank(a) - rank(b) || a.town.localeCompare(b.town, "it");
}

/** Records grouped by place, in the places' order, each group keeping the records' own order. */
export function byPlace<R extends Place>(
  records: readonly R[],
): { key: string; place: Place; records: R[] }[] {
  const groups = new Map<string, { key: string; place: Place; records: R[] }>();
  for (const record of records) {
    const key = placeKey(record);
    const group = groups.get(key) ?? {
      key,
      place: { town: record.town, municipio: record.municipio },
      records: [],
    };
    group.records.push(record);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => comparePlaces(a.place, b.place));
}

/** An element id made of a key that may hold spaces or accents (a town's name). */
const slug = (key: string) =>
  key
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The element ids of a place's group of services and of spaces, of a service's card, of a space's card. */
export const servicesPlaceId = (key: string) => `servizi-${slug(key)}`;
export const spacesPlaceId = (key: string) => `spazi-${slug(key)}`;
export const serviceId = (id: string) => `servizio-${id}`;
export const spaceId = (id: string) => `spazio-${id}`;

/** The participation rows' sums, for the table's total. */
export function totalsOf(rows: readonly { activities: number; participants: number; residents: number }[]) {
  return rows.reduce(
    (sum, row) => ({
      activities: sum.activities + row.activities,
      participants: sum.participants + row.participants,
      residents: sum.residents + row.residents,
    }),
    { activities: 0, participants: 0, residents: 0 },
  );
}
