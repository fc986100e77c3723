// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { OwnerPage } from "./owner-page.tsx";
// The namespace is loaded with the routes, so the menu entry (`owners:nav.owners`) has its label.
import "./owners-i18n.ts";
import { OwnersPage } from "./owners-page.tsx";
import { ownersRouteOf } from "./owners-paths.ts";
import { SchemesPage } from "./schemes-page.tsx";

/** The private owners' pages for `pathname` (the owners, one owner, the guarantee schemes), or null. */
export function ownersPage(pathname: string): ReactNode | null {
  const route = ownersRouteOf(pathname);
  if (route === null) return null;
  const page =
    route.page === "list" ? (
      <OwnersPage />
    ) : route.page === "schemes" ? (
      <SchemesPage />
    ) : (
      <OwnerPage key={route.id} id={route.id} />
    );
  return <Requires anyOf={["owners:read"]}>{page}</Requires>;
}
