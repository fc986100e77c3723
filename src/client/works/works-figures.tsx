// SPDX-License-Identifier: EUPL-1.2
import { FUNDING_SOURCES, type FundingSource } from "../../domain/works/works.ts";
import { FigureTable } from "../components/figure-table.tsx";
import { useFormat } from "../format.ts";
import { useWorksLabels, useWorksT } from "./works-i18n.ts";

/** Spend (VAT included) by funding source, each with its share of the whole. */
export function SourceTable({
  bySource,
  caption,
  hideCaption,
}: {
  bySource: Record<FundingSource, number>;
  caption: string;
  hideCaption?: boolean;
}) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const format = useFormat();
  const total = FUNDING_SOURCES.reduce((sum, s) => sum + bySource[s], 0);
  return (
    <FigureTable
      className="table table-sm"
      caption={caption}
      hideCaption={hideCaption}
      rowHeader={t("report.source")}
      columns={[t("report.amount"), t("report.share")]}
      rows={FUNDING_SOURCES.map((s) => ({
        key: s,
        label: labels.source(s),
        cells: [
          format.euro(bySource[s], { cents: true }),
          total > 0 ? format.percent(bySource[s] / total) : "—",
        ],
      }))}
      footer={
        <tr>
          <th scope="row">{t("detail.totals")}</th>
          <td className="text-end">{format.euro(total, { cents: true })}</td>
          <td className="text-end">{total > 0 ? format.percent(1) : "—"}</td>
        </tr>
      }
    />
  );
}
