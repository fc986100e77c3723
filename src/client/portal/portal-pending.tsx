// SPDX-License-Identifier: EUPL-1.2
import { isApiError } from "../api.ts";
import { useMe } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { usePortalT } from "./portal-i18n.ts";

/**
 * Why the portal has nothing to show, in kind words and with the way to the manager: the account is
 * not tied to a household yet (the API's 422), or there is no tenancy in force (404). Without a
 * tenancy the manager's own contacts are unknown, so the organisation that gave the account is named.
 */
function NoTenancy({ reason }: { reason: "unlinked" | "none" }) {
  const { t } = usePortalT();
  const { data: me } = useMe();
  const organisation = me?.organisation.name ?? t("unavailable.yourManager");
  return (
    <section className="alert alert-info portal-unavailable" aria-labelledby="portal-unavailable-title">
      <h2 id="portal-unavailable-title" className="h4">
        {reason === "unlinked" ? t("unavailable.unlinkedTitle") : t("unavailable.noneTitle")}
      </h2>
      <p>{reason === "unlinked" ? t("unavailable.unlinked") : t("unavailable.none")}</p>
      <p>{t("unavailable.contact", { organisation })}</p>
      <p className="mb-0">{t("unavailable.emergency")}</p>
    </section>
  );
}

/** Whether an answer of the portal's API means "nothing to show" rather than a failure. */
export const isNoTenancy = (error: unknown) => isApiError(error, 404) || isApiError(error, 422);

/**
 * What a portal page shows until its data is there: the loading line, the words for an account without
 * a tenancy, or the error with a retry.
 */
export function PortalPending({ query }: { query: { error: unknown; refetch: () => unknown } }) {
  if (!query.error) return <Loading />;
  if (isApiError(query.error, 422)) return <NoTenancy reason="unlinked" />;
  if (isApiError(query.error, 404)) return <NoTenancy reason="none" />;
  return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
}
