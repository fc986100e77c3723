// SPDX-License-Identifier: EUPL-1.2
import type { Standing } from "../../domain/monitoring/values.ts";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import type { IndicatorDefinitionView, IndicatorValue } from "./monitoring-api.ts";
import { useIndicatorFormat } from "./monitoring-format.ts";
import { groupIndicators } from "./monitoring-groups.ts";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";
import { indicatorHref } from "./monitoring-paths.ts";

/** An indicator with the catalogue's words for it. */
export type DefinedValue = IndicatorValue & { definition: IndicatorDefinitionView };

/** How a value stands against its target, in words; the colour only repeats them. */
export function StandingBadge({ standing }: { standing: Standing }) {
  const labels = useMonitoringLabels();
  return <span className={`badge monitoring-badge standing-${standing}`}>{labels.standing(standing)}</span>;
}

/** The target in force, in words: "128 persone entro il 30 giu 2028 (intermedio)". */
export function useTargetText() {
  const { t } = useMonitoringT();
  const format = useFormat();
  const labels = useMonitoringLabels();
  const values = useIndicatorFormat();
  return (i: DefinedValue) =>
    i.target === null
      ? t("cards.noTarget")
      : t("cards.target", {
          value: values.value(i.definition.unit, i.target.value),
          date: format.date(i.target.dueOn),
          kind: labels.targetKind(i.target.kind),
        });
}

function IndicatorCard({ indicator, period }: { indicator: DefinedValue; period: string }) {
  const { i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const values = useIndicatorFormat();
  const targetText = useTargetText();
  const d = indicator.definition;
  const terms = values.terms(d, indicator);
  const titleId = `indicator-${indicator.code}`;
  return (
    <li className="col-12 col-md-6 col-xl-4">
      <article className="card shadow-sm h-100 monitoring-card" aria-labelledby={titleId}>
        <div className="card-body">
          <h3 id={titleId} className="h6 mb-2">
            <Link to={indicatorHref(indicator.code, period)}>{d.name[language]}</Link>
          </h3>
          <p className={`monitoring-value mb-1${indicator.value === null ? " is-empty" : ""}`}>
            {values.value(d.unit, indicator.value)}
          </p>
          <p className="mb-2">
            <StandingBadge standing={indicator.standing} />
          </p>
          <p className="small mb-1">{targetText(indicator)}</p>
          {terms ? <p className="small text-secondary mb-0">{terms}</p> : null}
        </div>
      </article>
    </li>
  );
}

/** The indicators as cards, by group, each group under its heading. */
export function IndicatorGroups({ indicators, period }: { indicators: DefinedValue[]; period: string }) {
  const { t } = useMonitoringT();
  return (
    <>
      {groupIndicators(indicators).map((group) => (
        <section key={group.key} className="mb-5" aria-labelledby={`group-${group.key}`}>
          <h2 id={`group-${group.key}`} className="h4 mb-3">
            {t(`groups.${group.key}`)}
          </h2>
          <ul className="row g-3 list-unstyled">
            {group.items.map((i) => (
              <IndicatorCard key={i.code} indicator={i} period={period} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
