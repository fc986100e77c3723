// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactOutcome,
  OFFER_STATUSES,
  type OfferStatus,
  OWNER_KINDS,
  type OwnerKind,
  SCHEME_KINDS,
  type SchemeKind,
} from "../../domain/owners/owners.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useAreaMessage } from "../i18n/translate-message.ts";
import en from "./owners.en.json";
import it from "./owners.it.json";
import { OWNERS_PATTERNS, type OwnersValue } from "./owners-messages.ts";

/**
 * The private owners' pages' strings are their own i18n namespace, `owners`, kept in this folder: the
 * menu entry, the pages, and under `messages` and `patterns` the Italian of the owners' API's and
 * schemas' English messages.
 */
export const NS = "owners";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useOwnersT() {
  return useTranslation(NS);
}

/** A message of the owners' schemas or API in the interface language; others go to the shared ones. */
export function useOwnersMessage() {
  const { t } = useOwnersT();
  const format = useFormat();
  const show = useCallback(
    (kind: OwnersValue, raw: string) => {
      switch (kind) {
        case "date":
          return format.date(raw);
        case "cents":
          return format.euro(Number(raw), { cents: true });
        case "status":
          return t(`statuses.${raw}`, { defaultValue: raw });
        case "text":
          return raw;
      }
    },
    [format, t],
  );
  return useAreaMessage(NS, OWNERS_PATTERNS, show);
}

/** Labels of the owners' enums in the interface language, and their options for selects. */
export function useOwnersLabels() {
  const { t } = useOwnersT();
  return useMemo(() => {
    const kind = (k: OwnerKind) => t(`kinds.${k}`);
    const channel = (c: ContactChannel) => t(`channels.${c}`);
    const outcome = (o: ContactOutcome) => t(`outcomes.${o}`);
    const status = (s: OfferStatus) => t(`statuses.${s}`);
    const schemeKind = (k: SchemeKind) => t(`schemeKinds.${k}`);
    return {
      kind,
      channel,
      outcome,
      status,
      schemeKind,
      /** A place: the town, and its Municipio in Milano. */
      place: (p: { town: string; municipio: number | null }) =>
        p.municipio === null ? p.town : t("place.withMunicipio", { town: p.town, n: p.municipio }),
      kindOptions: OWNER_KINDS.map((value) => ({ value, label: kind(value) })),
      channelOptions: CONTACT_CHANNELS.map((value) => ({ value, label: channel(value) })),
      outcomeOptions: CONTACT_OUTCOMES.map((value) => ({ value, label: outcome(value) })),
      statusOptions: OFFER_STATUSES.map((value) => ({ value, label: status(value) })),
      schemeKindOptions: SCHEME_KINDS.map((value) => ({ value, label: schemeKind(value) })),
      municipioOptions: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
        value: String(n),
        label: t("place.municipioN", { n }),
      })),
    };
  }, [t]);
}
