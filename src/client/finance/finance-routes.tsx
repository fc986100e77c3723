// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { PLAN_PATH } from "./finance-paths.ts";
import { ScenarioEditorPage } from "./scenario-editor-page.tsx";
import { ScenarioListPage } from "./scenario-list-page.tsx";
import { ScenarioPage } from "./scenario-page.tsx";

/** The financial plan's page for `pathname` (Piano economico: list, scenario, editor), or null. */
export function financePage(pathname: string): ReactNode | null {
  if (pathname === PLAN_PATH)
    return (
      <Requires anyOf={["plan:read"]}>
        <ScenarioListPage />
      </Requires>
    );
  const edit = matchPath(`${PLAN_PATH}/:name/modifica`, pathname);
  if (edit?.name)
    return (
      <Requires anyOf={["plan:write"]}>
        <ScenarioEditorPage key={edit.name} name={edit.name} />
      </Requires>
    );
  const scenario = matchPath(`${PLAN_PATH}/:name`, pathname);
  if (scenario?.name)
    return (
      <Requires anyOf={["plan:read"]}>
        <ScenarioPage key={scenario.name} name={scenario.name} />
      </Requires>
    );
  return null;
}
