// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AllocationRun } from "../../domain/allocation/run.schema.ts";
import { TARGET_GROUPS, type TargetGroup } from "../../domain/households/household.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { useHouseholdLabels } from "../households/household-labels.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { navigate } from "../router.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { useMakeOffer, useReplayRun, useRun } from "./allocation-api.ts";
import { useAllocationLabels, type Violation } from "./allocation-labels.ts";
import { offerHref, RUNS_PATH } from "./allocation-paths.ts";
import { RunStatusBadge } from "./badges.tsx";
import { FactsCard } from "./facts-list.tsx";
import { type Pair, RunExplanation } from "./run-explanation.tsx";
import { figure, improvementOf } from "./runs-page.tsx";

function Outcome({ run }: { run: AllocationRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const improvement = improvementOf(run);
  return (
    <FactsCard
      id="run-outcome-title"
      title={t("allocation.run.outcomeTitle")}
      facts={[
        {
          key: "status",
          label: t("allocation.fields.status"),
          value: <RunStatusBadge status={run.status} />,
        },
        { key: "objective", label: t("allocation.fields.objective"), value: figure(format, run.objective) },
        { key: "bound", label: t("allocation.fields.dualBound"), value: figure(format, run.dualBound) },
        { key: "gap", label: t("allocation.fields.gap"), value: figure(format, run.gap) },
        {
          key: "certificate",
          label: t("allocation.fields.certificateValid"),
          value: run.certificateValid ? t("common.yes") : t("common.no"),
        },
        {
          key: "greedy",
          label: t("allocation.fields.greedyObjective"),
          value:
            improvement === null
              ? figure(format, run.greedyObjective)
              : // Below 0.005 % the two print the same: say so rather than "0 % more".
                Math.abs(improvement) < 0.00005
                ? t("allocation.run.greedySame", { value: figure(format, run.greedyObjective) })
                : t("allocation.run.greedyWithImprovement", {
                    value: figure(format, run.greedyObjective),
                    improvement: format.percent(improvement, 2),
                  }),
        },
      ]}
    >
      <p className="small mt-3 mb-0">{t("allocation.run.gapExplained")}</p>
      {run.certificateProblems.length > 0 ? (
        <ul className="small mt-2 mb-0" lang="en">
          {run.certificateProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </FactsCard>
  );
}

function Input({ run }: { run: AllocationRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FactsCard
      id="run-input-title"
      title={t("allocation.run.inputTitle")}
      facts={[
        { key: "rules", label: t("allocation.runs.columns.rulesVersion"), value: String(run.rulesVersion) },
        { key: "seed", label: t("allocation.runs.form.seed"), value: run.seed === "" ? "—" : run.seed },
        { key: "units", label: t("allocation.run.units"), value: format.number(run.units) },
        { key: "households", label: t("allocation.run.households"), value: format.number(run.households) },
        { key: "pairs", label: t("allocation.run.pairs"), value: format.number(run.pairs) },
        {
          key: "hash",
          label: t("allocation.run.inputHash"),
          value: <code className="input-hash">{run.inputHash}</code>,
        },
      ]}
    />
  );
}

function Violations({ run }: { run: AllocationRun }) {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  const unitLabels = useUnitLabels();
  const householdLabels = useHouseholdLabels();
  if (run.violations.length === 0) return null;
  const name = (kind: Violation["kind"], key: string) => {
    switch (kind) {
      case "category":
        return unitLabels.categoryShort(key as UnitCategory);
      case "targetGroup":
        return householdLabels.targetGroup(key as TargetGroup);
      case "partner":
        return key;
    }
  };
  return (
    <div className="alert alert-warning mt-4" role="note">
      <h2 className="h5">{t("allocation.run.violationsTitle")}</h2>
      <ul className="mb-0">
        {run.violations.map((v) => (
          <li key={`${v.kind}-${v.key}`}>
            {t("allocation.run.violation", {
              name: name(v.kind, v.key),
              min: v.min,
              max: v.max ?? "—",
              reason: labels.violationReason(v.reason),
              shortfall: v.shortfall,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

type CountRow = {
  key: string;
  label: string;
  count: number;
  min?: number | undefined;
  max?: number | undefined;
};

function CountsTable({
  id,
  caption,
  header,
  rows,
}: {
  id: string;
  caption: string;
  header: string;
  rows: CountRow[];
}) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <FigureTable
        id={id}
        caption={caption}
        rowHeader={header}
        columns={[t("allocation.run.assigned"), t("allocation.runs.form.min"), t("allocation.runs.form.max")]}
        rows={rows.map((r) => ({ key: r.key, label: r.label, cells: [r.count, r.min ?? "—", r.max ?? "—"] }))}
      />
    </div>
  );
}

function Counts({ run }: { run: AllocationRun }) {
  const { t } = useTranslation();
  const unitLabels = useUnitLabels();
  const householdLabels = useHouseholdLabels();
  return (
    <section className="mt-4" aria-labelledby="run-counts-title">
      <h2 id="run-counts-title" className="h4">
        {t("allocation.run.countsTitle")}
      </h2>
      <div className="row">
        <div className="col-12 col-lg-6">
          <CountsTable
            id="run-counts-category"
            caption={t("allocation.run.byCategory")}
            header={t("allocation.fields.category")}
            rows={UNIT_CATEGORIES.map((c) => ({
              key: c,
              label: unitLabels.categoryShort(c),
              count: run.counts.category[c] ?? 0,
              min: run.bounds.category[c]?.min,
              max: run.bounds.category[c]?.max,
            }))}
          />
        </div>
        <div className="col-12 col-lg-6">
          <CountsTable
            id="run-counts-target-group"
            caption={t("allocation.run.byTargetGroup")}
            header={t("households.fields.targetGroup")}
            rows={TARGET_GROUPS.map((g) => ({
              key: g,
              label: householdLabels.targetGroup(g),
              count: run.counts.targetGroup[g] ?? 0,
              min: run.bounds.targetGroup?.[g]?.min,
              max: run.bounds.targetGroup?.[g]?.max,
            }))}
          />
        </div>
      </div>
    </section>
  );
}

function Replay({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const replay = useReplayRun(runId);
  return (
    <section className="mt-4" aria-labelledby="run-replay-title">
      <h2 id="run-replay-title" className="h4">
        {t("allocation.run.replayTitle")}
      </h2>
      <p className="small">{t("allocation.run.replayIntro")}</p>
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={replay.isPending}
        onClick={() => replay.mutate()}
      >
        {replay.isPending ? t("allocation.run.replaying") : t("allocation.run.replay")}
      </button>
      <div aria-live="polite" className="mt-3">
        {replay.data ? (
          <div className={`alert ${replay.data.identical ? "alert-success" : "alert-danger"} mb-0`}>
            {replay.data.identical
              ? t("allocation.run.replayIdentical")
              : t("allocation.run.replayDifferent")}{" "}
            <code className="input-hash">{replay.data.inputHash}</code>
          </div>
        ) : null}
        {replay.error ? <ErrorAlert error={replay.error} /> : null}
      </div>
    </section>
  );
}

function Assignments({ run, onExplain }: { run: AllocationRun; onExplain: (pair: Pair) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useMessage();
  const canOffer = useCan("allocation:run");
  const offer = useMakeOffer();
  const [pending, setPending] = useState<string | null>(null);
  const propose = (a: AllocationRun["assignments"][number]) => {
    setPending(a.unitId);
    offer.mutate(
      { runId: run.id, unitId: a.unitId, householdId: a.householdId },
      {
        onSuccess: (made) => navigate(offerHref(made.id)),
        onSettled: () => setPending(null),
      },
    );
  };
  const failure = offer.error;
  return (
    <section className="mt-4" aria-labelledby="run-assignments-title">
      <h2 id="run-assignments-title" className="h4">
        {t("allocation.run.assignmentsTitle", { count: run.assignments.length })}
      </h2>
      <div aria-live="polite">
        {failure && isApiError(failure) ? (
          <div className="alert alert-danger" tabIndex={-1} ref={focusOnMount}>
            {t("allocation.run.offerFailed")} {message(failure.errors[0]?.message ?? failure.detail)}
          </div>
        ) : null}
        {failure && !isApiError(failure) ? <ErrorAlert error={failure} /> : null}
      </div>
      {run.assignments.length === 0 ? (
        <p>
          {run.status === "infeasible"
            ? t("allocation.run.noAssignmentsInfeasible")
            : t("allocation.run.noAssignments")}
        </p>
      ) : (
        <div className="table-responsive">
          <table className="table table-hover">
            <caption className="visually-hidden">{t("allocation.run.assignmentsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("allocation.fields.unit")}</th>
                <th scope="col">{t("allocation.fields.household")}</th>
                <th scope="col" className="text-end">
                  {t("allocation.explain.weight")}
                </th>
                <th scope="col">{t("allocation.run.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {run.assignments.map((a) => (
                <tr key={a.unitId}>
                  <th scope="row" className="font-monospace">
                    {a.unitCode}
                  </th>
                  <td className="font-monospace">{a.householdReference}</td>
                  <td className="text-end">{format.number(a.weight, 2)}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t("allocation.run.explainPair", {
                          unit: a.unitCode,
                          household: a.householdReference,
                        })}
                        onClick={() => onExplain({ household: a.householdReference, unit: a.unitCode })}
                      >
                        {t("allocation.run.explain")}
                      </button>
                      {canOffer ? (
                        <button
                          type="button"
                          className="btn btn-primary btn-sm"
                          disabled={pending !== null}
                          aria-label={t("allocation.run.offerPair", {
                            unit: a.unitCode,
                            household: a.householdReference,
                          })}
                          onClick={() => propose(a)}
                        >
                          {pending === a.unitId ? t("allocation.run.offering") : t("allocation.run.offer")}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Un'esecuzione: its outcome and proof, counts against the bounds, the offers, explanations, replay. */
export function RunDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useRun(id);
  const [pair, setPair] = useState<Pair | null>(null);
  const [asked, setAsked] = useState(0);
  const explain = (next: Pair) => {
    setPair(next);
    setAsked((n) => n + 1);
  };
  const date = run.data ? format.dateTime(run.data.createdAt) : null;
  return (
    <>
      <RecordBreadcrumb listHref={RUNS_PATH} listLabel={t("allocation.runs.title")} current={date} />
      <PageTitle title={date ? t("allocation.run.title", { date }) : t("allocation.run.loadingTitle")} />
      {run.data ? (
        <>
          <div className="row g-4">
            <div className="col-12 col-lg-6">
              <Outcome run={run.data} />
            </div>
            <div className="col-12 col-lg-6">
              <Input run={run.data} />
            </div>
          </div>
          <Violations run={run.data} />
          <Counts run={run.data} />
          <Assignments run={run.data} onExplain={explain} />
          <RunExplanation runId={run.data.id} pair={pair} asked={asked} onExplain={explain} />
          <Replay runId={run.data.id} />
        </>
      ) : (
        <RecordPending query={run} notFound={t("allocation.run.notFound")} listHref={RUNS_PATH} />
      )}
    </>
  );
}
