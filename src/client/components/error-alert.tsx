// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { isApiError } from "../api.ts";
import { useMessage } from "../i18n/translate-message.ts";

type ErrorAlertProps = { error: unknown; onRetry?: () => void };

/** What went wrong with a request, in words a person can act on. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = useMessage();
  let text = t("errors.generic");
  if (isApiError(error, 0)) text = t("errors.network");
  else if (isApiError(error, 403)) text = t("errors.forbidden");
  else if (isApiError(error, 404)) text = t("errors.notFound");
  else if (isApiError(error) && error.detail !== "") text = message(error.detail);
  return (
    <div className="alert alert-danger" role="alert">
      <p className="mb-0">{text}</p>
      {onRetry ? (
        <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
