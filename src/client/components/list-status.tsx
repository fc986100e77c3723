// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";

/** What a list shows besides its rows: the error with a retry, the loading line, or `empty`. */
export function ListStatus({
  query,
  count,
  empty,
}: {
  query: { error: unknown; isPending: boolean; refetch: () => unknown };
  /** How many rows came; undefined until they have. */
  count: number | undefined;
  empty: ReactNode;
}) {
  return (
    <>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.isPending ? <Loading /> : null}
      {count === 0 ? empty : null}
    </>
  );
}
