// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  UNIT_CATEGORIES,
  UNIT_CONDITIONS,
  UNIT_ORIGINS,
  UNIT_STATUSES,
  type UnitCategory,
  type UnitCondition,
  type UnitOrigin,
  type UnitStatus,
} from "../../domain/units/unit.schema.ts";
import type { Option } from "../components/form-field.tsx";

export type UnitLabels = {
  category: (c: UnitCategory) => string;
  /** The category without its cap, for narrow places such as table cells. */
  categoryShort: (c: UnitCategory) => string;
  origin: (o: UnitOrigin) => string;
  status: (s: UnitStatus) => string;
  condition: (c: UnitCondition) => string;
  /** The label of a unit field (`surfaceM2` → "Superficie (m²)"); the name itself when unknown. */
  field: (name: string) => string;
  categoryOptions: Option[];
  originOptions: Option[];
  statusOptions: Option[];
  conditionOptions: Option[];
};

/** Labels of the unit enums and fields in the interface language. */
export function useUnitLabels(): UnitLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language.
  return useMemo(() => {
    const category = (c: UnitCategory) => t(`enums.category.${c}`);
    const origin = (o: UnitOrigin) => t(`enums.origin.${o}`);
    const status = (s: UnitStatus) => t(`enums.status.${s}`);
    const condition = (c: UnitCondition) => t(`enums.condition.${c}`);
    return {
      category,
      categoryShort: (c: UnitCategory) => t(`enums.categoryShort.${c}`),
      origin,
      status,
      condition,
      field: (name: string) => t(`fields.${name}`, { defaultValue: name }),
      categoryOptions: UNIT_CATEGORIES.map((value) => ({ value, label: category(value) })),
      originOptions: UNIT_ORIGINS.map((value) => ({ value, label: origin(value) })),
      statusOptions: UNIT_STATUSES.map((value) => ({ value, label: status(value) })),
      conditionOptions: UNIT_CONDITIONS.map((value) => ({ value, label: condition(value) })),
    };
  }, [t, language]);
}
