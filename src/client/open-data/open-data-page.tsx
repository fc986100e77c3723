// SPDX-License-Identifier: EUPL-1.2
import "./open-data.css";
import type { OpenDataIndex, OpenDataTableEntry } from "../../domain/open-data/open-data-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { ConfiscatedUnitsSection } from "./confiscated-units-section.tsx";
import { useOpenDataIndex } from "./open-data-api.ts";
import { useBilingual, useOpenDataT } from "./open-data-i18n.ts";
import { CONFISCATED_ANCHOR, tableAnchor } from "./open-data-paths.ts";
import { OpenDataTableSection } from "./open-data-table.tsx";

/** Dati aperti: the programme's aggregates, small counts withheld, and the confiscated units in use. */
export function OpenDataPage() {
  const { t } = useOpenDataT();
  const index = useOpenDataIndex();
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      {index.isPending ? <Loading /> : null}
      {index.error ? <ErrorAlert error={index.error} onRetry={() => index.refetch()} /> : null}
      {index.data ? <Contents index={index.data} /> : null}
    </>
  );
}

function Contents({ index }: { index: OpenDataIndex }) {
  const { t } = useOpenDataT();
  const pick = useBilingual();
  const people = index.tables.filter((e) => e.subject !== "units");
  const units = index.tables.filter((e) => e.subject === "units");
  return (
    <>
      <About index={index} />
      <nav aria-labelledby="open-data-contents" className="mb-5">
        <h2 id="open-data-contents" className="h3">
          {t("contents")}
        </h2>
        <ul>
          {[...people, ...units].map((e) => (
            <li key={e.name}>
              <a href={`#${tableAnchor(e.name)}`}>{pick(e.title)}</a>
            </li>
          ))}
          <li>
            <a href={`#${CONFISCATED_ANCHOR}`}>{pick(index.confiscatedUnits.title)}</a>
          </li>
        </ul>
      </nav>
      <Group id="open-data-people" title={t("groups.people")} entries={people} />
      <Group id="open-data-units" title={t("groups.units")} entries={units} />
      <ConfiscatedUnitsSection links={index.confiscatedUnits} />
    </>
  );
}

function About({ index }: { index: OpenDataIndex }) {
  const { t } = useOpenDataT();
  const pick = useBilingual();
  const format = useFormat();
  return (
    <section aria-labelledby="open-data-about" className="mb-5">
      <h2 id="open-data-about" className="h3">
        {t("about.title")}
      </h2>
      <ul className="open-data-about">
        <li>{t("about.asOf", { date: format.date(index.asOf) })}</li>
        <li>{pick(index.suppression)}</li>
        <li>{pick(index.consent)}</li>
        <li>
          {t("about.licenceBefore")}{" "}
          <a href={index.licence.url} rel="license">
            {index.licence.name}
          </a>
          {t("about.licenceAfter")}
        </li>
        <li>
          {t("about.api")} <a href={`/api/v1/open-data`}>{t("about.apiIndex")}</a>,{" "}
          <a href="/api/docs">{t("about.apiDocs")}</a>.
        </li>
      </ul>
    </section>
  );
}

function Group({
  id,
  title,
  entries,
}: {
  id: string;
  title: string;
  entries: readonly OpenDataTableEntry[];
}) {
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h3">
        {title}
      </h2>
      {entries.map((e) => (
        <OpenDataTableSection key={e.name} entry={e} />
      ))}
    </section>
  );
}
