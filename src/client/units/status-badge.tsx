// SPDX-License-Identifier: EUPL-1.2
import type { UnitStatus } from "../../domain/units/unit.schema.ts";
import { useUnitLabels } from "./unit-labels.ts";

/** The status of a unit as a coloured badge; the colour repeats the words, never replaces them. */
export function StatusBadge({ status }: { status: UnitStatus }) {
  const labels = useUnitLabels();
  return <span className={`badge status-badge status-${status}`}>{labels.status(status)}</span>;
}
