// SPDX-License-Identifier: EUPL-1.2

/** Reti territoriali: the Municipio networks, each with its community fund's balance. */
export const NETWORKS_PATH = "/reti";
/** One network's community fund (fondo di comunità): `/reti/:id`, the id of its governance body. */
export const NETWORK_PATTERN = "/reti/:id";

export const networkHref = (id: string) => `${NETWORKS_PATH}/${encodeURIComponent(id)}`;

/** A Municipio network: a management body of one Milan Municipio (decision 0022); only it has a fund. */
export const isNetwork = (body: { level: string; municipio: number | null }) =>
  body.level === "management" && body.municipio !== null;

/** The networks among the governance bodies, by Municipio and then by name. */
export function networksOf<B extends { level: string; municipio: number | null; name: string }>(
  bodies: readonly B[],
): (B & { municipio: number })[] {
  return bodies
    .filter((b): b is B & { municipio: number } => isNetwork(b))
    .sort((a, b) => a.municipio - b.municipio || a.name.localeCompare(b.name, "it"));
}

/** The element id of a proposed expense's decision card, which its ledger row points at. */
export const proposalId = (id: string) => `spesa-${id}`;

/** A decision's text as a choice: whole when short, else cut at a word to about `max` characters. */
export function shortText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
