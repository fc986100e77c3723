// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
// The namespace is loaded with the routes, so the menu entry (`welfare:nav.welfare`) has its label.
import "./welfare-i18n.ts";
import { WelfarePage } from "./welfare-page.tsx";
import { WELFARE_PATH } from "./welfare-paths.ts";

/** The community welfare pages for `pathname`, or null. */
export function welfarePage(pathname: string): ReactNode | null {
  if (pathname !== WELFARE_PATH) return null;
  return (
    <Requires anyOf={["governance:read"]}>
      <WelfarePage />
    </Requires>
  );
}
