// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
// The namespace is loaded with the routes, so the menu entry (`fund:nav.networks`) has its label.
import "./fund-i18n.ts";
import { NETWORK_PATTERN, NETWORKS_PATH } from "./fund-paths.ts";
import { NetworkPage } from "./network-page.tsx";
import { NetworksPage } from "./networks-page.tsx";

/** The Municipio networks' community fund pages for `pathname` (the networks, one network's fund), or null. */
export function fundPage(pathname: string): ReactNode | null {
  const page = pathname === NETWORKS_PATH ? <NetworksPage /> : networkOf(pathname);
  return page === null ? null : <Requires anyOf={["governance:read"]}>{page}</Requires>;
}

function networkOf(pathname: string) {
  const match = matchPath(NETWORK_PATTERN, pathname);
  return match?.id ? <NetworkPage key={match.id} id={match.id} /> : null;
}
