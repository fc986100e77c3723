// SPDX-License-Identifier: EUPL-1.2
import type { ProgrammeCheckView } from "../../domain/finance/plan-api.schema.ts";
import { FigureTable } from "../components/figure-table.tsx";
import { Icon } from "../components/icon.tsx";
import { type Format, useFormat } from "../format.ts";
import { useFinanceLabels, useFinanceT } from "./finance-i18n.ts";

/** A figure behind a check in its unit: money from cents, a share as a percentage, else a number. */
export function checkFigure(format: Format, key: string, value: number | null): string {
  if (value === null) return "—";
  if (key.endsWith("Cents")) return format.euro(value, { cents: true });
  if (key === "share" || key === "cap") return format.percent(value, 2);
  return format.number(value, 0);
}

/**
 * The programme's rules on the plan (or, with `on="actuals"`, on actual figures, inside the section of
 * plan against actual: one heading level down): each one passed or not, in words and with an icon (the
 * colour of the edge only repeats it), and the numbers it was judged on; Area B year by year.
 */
export function ChecksPanel({
  checks,
  on = "plan",
}: {
  checks: readonly ProgrammeCheckView[];
  on?: "plan" | "actuals";
}) {
  const { t } = useFinanceT();
  const labels = useFinanceLabels();
  const format = useFormat();
  const failed = checks.filter((c) => !c.passed).length;
  const texts = on === "plan" ? "checks" : "actuals";
  const titleId = on === "plan" ? "checks-title" : "actual-checks-title";
  const Heading = on === "plan" ? "h2" : "h3";
  const CheckHeading = on === "plan" ? "h3" : "h4";
  return (
    <section aria-labelledby={titleId} className="mb-5" data-checks-on={on}>
      <Heading id={titleId} className={on === "plan" ? undefined : "h4"}>
        {t(on === "plan" ? "checks.title" : "actuals.checksTitle")}
      </Heading>
      <p>{failed === 0 ? t(`${texts}.allPassed`) : t(`${texts}.someFailed`, { count: failed })}</p>
      <ul className="list-unstyled d-grid gap-3">
        {checks.map((check) => (
          <li
            key={check.id}
            className={`plan-check ${check.passed ? "is-passed" : "is-failed"}`}
            data-check={check.id}
          >
            <CheckHeading className="h5 mb-1">{labels.check(check.id)}</CheckHeading>
            <p className="check-verdict mb-2">
              <Icon
                name={check.passed ? "check-circle" : "error"}
                size="sm"
                className={`me-1 ${check.passed ? "icon-success" : "icon-danger"}`}
              />
              {check.passed ? t("checks.passed") : t("checks.failed")}
            </p>
            <dl className="plan-figures mb-0">
              {Object.entries(check.figures).map(([key, value]) => (
                <div key={key}>
                  <dt>{labels.figure(key)}</dt>
                  <dd>{checkFigure(format, key, value)}</dd>
                </div>
              ))}
            </dl>
            {check.years ? (
              <FigureTable
                className="table table-sm plan-table mt-3 mb-0"
                caption={t(`${texts}.areaBYears`)}
                rowHeader={t("checks.year")}
                columns={[
                  t("checks.margin"),
                  t("checks.required"),
                  t("checks.contributed"),
                  { header: t("checks.verdict"), words: true },
                ]}
                rows={check.years.map((y) => ({
                  key: String(y.year),
                  label: y.year,
                  cells: [
                    format.euro(y.operatingMarginCents, { cents: true }),
                    format.euro(y.requiredCents, { cents: true }),
                    format.euro(y.contributedCents, { cents: true }),
                    y.passed ? t("checks.passed") : t("checks.failed"),
                  ],
                }))}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
