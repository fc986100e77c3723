// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PublishedRules } from "../../domain/eligibility/rules-api.schema.ts";
import { apiRequest, queryString } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";

export const PUBLISHED_CRITERIA_PATH = "/criteri";

/** The criteria in force, as the server writes them in the interface language. */
function usePublishedRules(lang: "it" | "en") {
  return useQuery({
    queryKey: ["allocation", "published", lang],
    queryFn: ({ signal }) =>
      apiRequest(`/allocation/rules/published${queryString({ lang })}`, PublishedRules, { signal }),
  });
}

/** Criteri di assegnazione: who may be offered which home, and how priority is counted. */
export function PublishedCriteriaPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "it";
  const published = usePublishedRules(lang);
  return (
    <>
      <PageTitle title={t("criteria.title")} lead={t("criteria.lead")} />
      {published.isPending ? <Loading /> : null}
      {published.error ? <ErrorAlert error={published.error} /> : null}
      {published.data ? (
        <>
          <p>{t("criteria.version", { version: published.data.version })}</p>
          <section aria-labelledby="criteria-requirements" className="mb-4">
            <h2 id="criteria-requirements" className="h4">
              {t("criteria.requirements")}
            </h2>
            <ul>
              {published.data.requirements.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="criteria-priority">
            <h2 id="criteria-priority" className="h4">
              {t("criteria.priority")}
            </h2>
            <ul>
              {published.data.criteria.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
