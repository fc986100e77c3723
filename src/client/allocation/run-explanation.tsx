// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  AllocationRunExplainQuery,
  type AllocationRunExplanation,
} from "../../domain/allocation/run.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { TextField } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { useExplanation } from "./allocation-api.ts";
import { useAllocationLabels } from "./allocation-labels.ts";
import { FactsList } from "./facts-list.tsx";

export type Pair = { household: string; unit: string };

function PairForm({ pair, onExplain }: { pair: Pair | null; onExplain: (pair: Pair) => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Pair, unknown, Pair>({
    resolver: zodResolver(AllocationRunExplainQuery),
    defaultValues: pair ?? { household: "", unit: "" },
  });
  const errorOf = (name: keyof Pair) => {
    const text = errors[name]?.message;
    return typeof text === "string" ? message(text) : undefined;
  };
  return (
    <form noValidate onSubmit={handleSubmit(onExplain)} aria-label={t("allocation.explain.formLabel")}>
      <div className="row align-items-start">
        <TextField
          id="explain-household"
          label={t("allocation.explain.household")}
          className="col-12 col-md-5"
          required
          autoComplete="off"
          hint={t("allocation.explain.householdHint")}
          error={errorOf("household")}
          registration={register("household")}
        />
        <TextField
          id="explain-unit"
          label={t("allocation.explain.unit")}
          className="col-12 col-md-4"
          required
          autoComplete="off"
          hint={t("allocation.explain.unitHint")}
          error={errorOf("unit")}
          registration={register("unit")}
        />
        <div className="col-12 col-md-3 pt-md-2">
          <button type="submit" className="btn btn-primary">
            {t("allocation.explain.submit")}
          </button>
        </div>
      </div>
    </form>
  );
}

function Verdict({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return passed ? (
    <span className="check-passed">
      <Icon name="check-circle" size="sm" />
      {t("allocation.explain.passed")}
    </span>
  ) : (
    <span className="check-failed">
      <Icon name="close-circle" size="sm" />
      {t("allocation.explain.failed")}
    </span>
  );
}

function ExplanationView({ explanation: e }: { explanation: AllocationRunExplanation }) {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  const format = useFormat();
  const n = (value: number | null, digits = 2) => (value === null ? "—" : format.number(value, digits));
  return (
    <div className="mt-3">
      <h3 id="explanation-title" className="h5" tabIndex={-1} ref={focusOnMount}>
        {t("allocation.explain.resultTitle", { household: e.household.reference, unit: e.unit.code })}
      </h3>
      <div className={`alert ${e.outcome === "matched" ? "alert-success" : "alert-info"}`}>
        <p className="mb-1 fw-semibold">{labels.outcome(e.outcome)}</p>
        <p className="mb-0 small">
          {t("allocation.explain.serverText")} <span lang="en">{e.text}</span>
        </p>
      </div>
      <FactsList
        facts={[
          {
            key: "eligible",
            label: t("allocation.explain.eligible"),
            value: e.eligible ? t("common.yes") : t("common.no"),
          },
          {
            key: "rank",
            label: t("allocation.explain.rank"),
            value:
              e.rank === null
                ? t("allocation.explain.noRank", { count: e.rankOf })
                : t("allocation.explain.rankOf", { rank: e.rank, count: e.rankOf }),
          },
          { key: "priority", label: t("allocation.explain.priority"), value: n(e.priority.total) },
          { key: "fit", label: t("allocation.explain.fit"), value: n(e.fit, 3) },
          { key: "weight", label: t("allocation.explain.weight"), value: n(e.weight) },
          { key: "reducedCost", label: t("allocation.explain.reducedCost"), value: n(e.reducedCost, 4) },
        ]}
      />
      <p className="small mt-2">{t("allocation.explain.weightHint")}</p>
      <div className="table-responsive mt-3">
        <table className="table table-sm">
          <caption>{t("allocation.explain.checksCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("allocation.explain.rule")}</th>
              <th scope="col">{t("allocation.explain.verdict")}</th>
              <th scope="col">{t("allocation.explain.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {e.checks.map((c) => (
              <tr key={c.rule}>
                <th scope="row">{labels.rule(c.rule)}</th>
                <td>
                  <Verdict passed={c.passed} />
                </td>
                <td lang="en">{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t("allocation.explain.componentsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("allocation.explain.component")}</th>
              <th scope="col" className="text-end">
                {t("allocation.explain.points")}
              </th>
            </tr>
          </thead>
          <tbody>
            {e.priority.components.map((c) => (
              <tr key={`${c.kind}-${c.name}`}>
                <th scope="row">{labels.component(c, e.priority.waitingMonths)}</th>
                <td className="text-end">{format.number(c.points, c.kind === "tie_breaker" ? 4 : 2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("allocation.explain.total")}</th>
              <td className="text-end fw-semibold">{format.number(e.priority.total, 2)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/**
 * Spiegazione: why a household × unit pair of the run was, or was not, an offer. A row's "Spiega"
 * fills in the pair; any household reference and unit code of the run can be typed in too.
 */
export function RunExplanation({
  runId,
  pair,
  asked,
  onExplain,
}: {
  runId: string;
  pair: Pair | null;
  /** How many times an explanation was asked for: each answer takes the focus, even the same again. */
  asked: number;
  onExplain: (pair: Pair) => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const explanation = useExplanation(runId, pair);
  const failure = explanation.error;
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="explain-title">
      <div className="card-body">
        <h2 id="explain-title" className="h4">
          {t("allocation.explain.title")}
        </h2>
        <p className="small">{t("allocation.explain.intro")}</p>
        <PairForm key={pair ? `${pair.household}|${pair.unit}` : "none"} pair={pair} onExplain={onExplain} />
        <div aria-live="polite">
          {pair && explanation.isFetching ? <Loading label={t("allocation.explain.loading")} /> : null}
          {failure && isApiError(failure, 404) ? (
            <div key={asked} className="alert alert-warning" tabIndex={-1} ref={focusOnMount}>
              {t("allocation.explain.notInRun")} <span lang="en">{message(failure.detail)}</span>
            </div>
          ) : null}
          {failure && !isApiError(failure, 404) ? <ErrorAlert error={failure} /> : null}
        </div>
        {explanation.data ? (
          <ExplanationView
            key={`${asked}|${explanation.data.household.id}|${explanation.data.unit.id}`}
            explanation={explanation.data}
          />
        ) : null}
      </div>
    </section>
  );
}
