// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/auth/roles.ts";
import { useMe } from "../auth/session.ts";
import { PageTitle } from "./page-title.tsx";

/** Whoever has one of the permissions sees the page; the others are told they may not. */
export function Requires({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (anyOf.some((p) => me?.permissions.includes(p))) return children;
  return (
    <>
      <PageTitle title={t("errors.forbiddenTitle")} />
      <p>{t("errors.forbidden")}</p>
    </>
  );
}
