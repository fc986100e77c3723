// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { AllocationRunProgress, RunPhase } from "../../domain/allocation/run.schema.ts";
import { useAllocationLabels } from "./allocation-labels.ts";

// Where each phase starts and ends in the whole run, in percent: solving takes the longest.
const PHASE_SPAN: Record<RunPhase, readonly [number, number]> = {
  loading: [0, 10],
  scoring: [10, 40],
  solving: [40, 90],
  storing: [90, 100],
  done: [100, 100],
  failed: [0, 0],
};
const STEPS: readonly RunPhase[] = ["loading", "scoring", "solving", "storing"];

/** How far the whole run has got, 0–100, from its phase and the share done of that phase. */
export function runPercent(progress: AllocationRunProgress): number {
  const [from, to] = PHASE_SPAN[progress.phase];
  return Math.round(from + (to - from) * progress.fraction);
}

/**
 * A run in progress: its phase in words and a progress bar. Until the server knows the run (null) the
 * bar has no value. The phase, not the bar, is announced: the caller puts `phaseText` in a live region.
 */
export function RunProgress({ progress }: { progress: AllocationRunProgress | null }) {
  const { t } = useTranslation();
  const text = useRunPhaseText(progress);
  const percent = progress ? runPercent(progress) : null;
  const step = progress ? STEPS.indexOf(progress.phase) : -1;
  return (
    <div className="run-progress mt-3" data-phase={progress?.phase ?? "starting"}>
      <p id="run-progress-label" className="mb-1">
        {t("allocation.runs.progress.label")}: {text}
        {step >= 0 ? ` (${t("allocation.runs.progress.step", { step: step + 1, steps: STEPS.length })})` : ""}
      </p>
      <div
        className={`progress${percent === null ? " progress-indeterminate" : ""}`}
        role="progressbar"
        aria-labelledby="run-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? text : `${text}, ${percent} %`}
      >
        <div className="progress-bar" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** The phase of a run in words; "starting" until the server knows it. */
export function useRunPhaseText(progress: AllocationRunProgress | null): string {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  return progress ? labels.runPhase(progress.phase) : t("allocation.runs.progress.starting");
}
