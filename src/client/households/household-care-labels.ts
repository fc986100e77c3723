// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type ConsentPurpose } from "../../domain/households/consent.schema.ts";
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentValidity,
} from "../../domain/households/document.schema.ts";
import {
  EXIT_DESTINATIONS,
  type ExitDestination,
  FOLLOW_UP_SITUATIONS,
  type FollowUpSituation,
} from "../../domain/households/exit.ts";
import type { Option } from "../components/form-field.tsx";

export type HouseholdCareLabels = {
  destination: (d: ExitDestination) => string;
  situation: (s: FollowUpSituation) => string;
  purpose: (p: ConsentPurpose) => string;
  documentKind: (k: DocumentKind) => string;
  validity: (v: DocumentValidity) => string;
  destinationOptions: Option[];
  situationOptions: Option[];
  purposeOptions: Option[];
  documentKindOptions: Option[];
};

/** Labels of exits, follow-ups, consents and documents in the interface language. */
export function useHouseholdCareLabels(): HouseholdCareLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language.
  return useMemo(() => {
    const destination = (d: ExitDestination) => t(`exit.enums.destination.${d}`);
    const situation = (s: FollowUpSituation) => t(`exit.enums.situation.${s}`);
    const purpose = (p: ConsentPurpose) => t(`consents.enums.purpose.${p}`);
    const documentKind = (k: DocumentKind) => t(`documents.enums.kind.${k}`);
    return {
      destination,
      situation,
      purpose,
      documentKind,
      validity: (v: DocumentValidity) => t(`documents.enums.validity.${v}`),
      destinationOptions: EXIT_DESTINATIONS.map((value) => ({ value, label: destination(value) })),
      situationOptions: FOLLOW_UP_SITUATIONS.map((value) => ({ value, label: situation(value) })),
      purposeOptions: CONSENT_PURPOSES.map((value) => ({ value, label: purpose(value) })),
      documentKindOptions: DOCUMENT_KINDS.map((value) => ({ value, label: documentKind(value) })),
    };
  }, [t, language]);
}
