// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { DesignationMix } from "../../domain/designation/designation-api.schema.ts";
import { useFormat } from "../format.ts";
import { useUnitLabels } from "../units/unit-labels.ts";

/** The mix as a table: units and share of each category against its target and bounds. */
export function MixTable({ mix, caption, id }: { mix: DesignationMix; caption: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  return (
    <div className="table-responsive">
      <table className="table table-sm" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("allocation.fields.category")}</th>
            <th scope="col" className="text-end">
              {t("allocation.mix.columns.count")}
            </th>
            <th scope="col" className="text-end">
              {t("allocation.mix.columns.percent")}
            </th>
            <th scope="col" className="text-end">
              {t("allocation.mix.columns.target")}
            </th>
            <th scope="col" className="text-end">
              {t("allocation.mix.columns.bounds")}
            </th>
            <th scope="col">{t("allocation.mix.columns.withinBounds")}</th>
            <th scope="col" className="text-end">
              {t("allocation.mix.columns.designable")}
            </th>
          </tr>
        </thead>
        <tbody>
          {mix.rows.map((r) => (
            <tr key={r.category}>
              <th scope="row">{unitLabels.categoryShort(r.category)}</th>
              <td className="text-end">{format.number(r.count)}</td>
              <td className="text-end">{format.percent(r.percent / 100, 2)}</td>
              <td className="text-end">{format.percent(r.targetPercent / 100, 2)}</td>
              <td className="text-end text-nowrap">
                {t("allocation.mix.boundsValue", { min: format.number(r.min), max: format.number(r.max) })}
              </td>
              <td>{r.withinBounds ? t("allocation.mix.within") : t("allocation.mix.outside")}</td>
              <td className="text-end">{format.number(r.designable)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("allocation.equity.total")}</th>
            <td className="text-end">{format.number(mix.total)}</td>
            <td />
            <td />
            <td />
            <td />
            <td className="text-end">{format.number(mix.designable)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
