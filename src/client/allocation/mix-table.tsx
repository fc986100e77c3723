// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { DesignationMix } from "../../domain/designation/designation-api.schema.ts";
import { type FigureColumn, FigureTable } from "../components/figure-table.tsx";
import { useFormat } from "../format.ts";
import { useUnitLabels } from "../units/unit-labels.ts";

type MixRow = DesignationMix["rows"][number];

/** The columns of a category against its target: target share, bounds, and whether it is within them. */
export function useTargetColumns() {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: FigureColumn[] = [
    t("allocation.mix.columns.target"),
    { header: t("allocation.mix.columns.bounds"), nowrap: true },
    { header: t("allocation.mix.columns.withinBounds"), words: true },
  ];
  const cells = (row: MixRow | undefined) => [
    row ? format.percent(row.targetPercent / 100, 2) : "—",
    row ? t("allocation.mix.boundsValue", { min: format.number(row.min), max: format.number(row.max) }) : "—",
    row?.withinBounds ? t("allocation.mix.within") : t("allocation.mix.outside"),
  ];
  return { columns, cells };
}

/** The mix as a table: units and share of each category against its target and bounds. */
export function MixTable({ mix, caption, id }: { mix: DesignationMix; caption: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  const target = useTargetColumns();
  return (
    <div className="table-responsive">
      <FigureTable
        id={id}
        caption={caption}
        rowHeader={t("allocation.fields.category")}
        columns={[
          t("allocation.mix.columns.count"),
          t("allocation.mix.columns.percent"),
          ...target.columns,
          t("allocation.mix.columns.designable"),
        ]}
        rows={mix.rows.map((r) => ({
          key: r.category,
          label: unitLabels.categoryShort(r.category),
          cells: [
            format.number(r.count),
            format.percent(r.percent / 100, 2),
            ...target.cells(r),
            format.number(r.designable),
          ],
        }))}
        footer={
          <tr>
            <th scope="row">{t("allocation.equity.total")}</th>
            <td className="text-end">{format.number(mix.total)}</td>
            <td />
            <td />
            <td />
            <td />
            <td className="text-end">{format.number(mix.designable)}</td>
          </tr>
        }
      />
    </div>
  );
}
