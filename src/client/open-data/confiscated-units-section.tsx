// SPDX-License-Identifier: EUPL-1.2
import type { ConfiscatedUnit, OpenDataIndex } from "../../domain/open-data/open-data-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { useConfiscatedUnits } from "./open-data-api.ts";
import { useBilingual, useOpenDataT } from "./open-data-i18n.ts";
import { CONFISCATED_ANCHOR } from "./open-data-paths.ts";
import { CsvLink, ScrollRegion } from "./open-data-table.tsx";

/**
 * Beni confiscati in uso (D.Lgs. 159/2011 art. 48): each unit with its size, destination and who
 * holds it; never its address or anything about who lives there, and the page says why.
 */
export function ConfiscatedUnitsSection({ links }: { links: OpenDataIndex["confiscatedUnits"] }) {
  const { t } = useOpenDataT();
  const pick = useBilingual();
  const format = useFormat();
  const list = useConfiscatedUnits();
  const none = t("confiscated.noValue");
  const place = (u: ConfiscatedUnit) =>
    u.municipio === null ? u.town : t("confiscated.municipio", { town: u.town, municipio: u.municipio });
  return (
    <section id={CONFISCATED_ANCHOR} aria-labelledby={`${CONFISCATED_ANCHOR}-title`} className="mb-5">
      <h2 id={`${CONFISCATED_ANCHOR}-title`} className="h3">
        {pick(links.title)}
      </h2>
      {list.isPending ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        <>
          <p>{pick(list.data.legalBasis)}</p>
          <p>{pick(list.data.privacy)}</p>
          <ScrollRegion label={t("confiscated.scroll")}>
            <FigureTable
              className="table table-sm open-data-table open-data-confiscated"
              caption={t("confiscated.caption", { date: format.date(list.data.asOf) })}
              rowHeader={t("confiscated.columns.code")}
              columns={[
                { header: t("confiscated.columns.town"), words: true },
                t("confiscated.columns.surface"),
                t("confiscated.columns.rooms"),
                { header: t("confiscated.columns.destination"), words: true },
                { header: t("confiscated.columns.managing"), words: true },
                { header: t("confiscated.columns.comodato"), words: true },
                { header: t("confiscated.columns.from"), nowrap: true },
                { header: t("confiscated.columns.until"), nowrap: true },
              ]}
              rows={list.data.units.map((u) => ({
                key: u.code,
                label: u.code,
                cells: [
                  place(u),
                  format.squareMetres(u.surfaceM2),
                  format.number(u.rooms, 0),
                  pick(u.destination),
                  u.managingOrganisation ?? none,
                  u.comodatoOrganisation ?? none,
                  u.comodatoStart === null ? none : format.date(u.comodatoStart),
                  u.comodatoEnd === null ? none : format.date(u.comodatoEnd),
                ],
              }))}
              empty={t("confiscated.none")}
            />
          </ScrollRegion>
        </>
      ) : null}
      <p>
        <CsvLink href={links.csv} text={t("confiscated.download")} of={t("confiscated.downloadOf")} />
      </p>
    </section>
  );
}
