// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  LIBRARY_FOLDERS,
  type LibraryFolder,
  type NotificationKind,
} from "../../domain/workspace/workspace.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useAreaMessage } from "../i18n/translate-message.ts";
import en from "./workspace.en.json";
import it from "./workspace.it.json";
import { WORKSPACE_PATTERNS, type WorkspaceValue } from "./workspace-messages.ts";

/**
 * The workspace pages' strings are their own i18n namespace, `workspace`, kept in this folder: the
 * menu entry, the header's notifications link, the pages, and under `messages` and `patterns` the
 * Italian of the workspace API's and schemas' English messages.
 */
export const NS = "workspace";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useWorkspaceT() {
  return useTranslation(NS);
}

/** A message of the workspace schemas or API in the interface language; others go to the shared ones. */
export function useWorkspaceMessage() {
  const show = useCallback((_kind: WorkspaceValue, raw: string) => raw, []);
  return useAreaMessage(NS, WORKSPACE_PATTERNS, show);
}

/** Labels of the workspace enums in the interface language, and the folders as choices. */
export function useWorkspaceLabels() {
  const { t } = useWorkspaceT();
  return useMemo(() => {
    const folder = (f: LibraryFolder) => t(`folders.${f}`);
    const kind = (k: NotificationKind) => t(`kinds.${k}`);
    return {
      folder,
      kind,
      folderOptions: LIBRARY_FOLDERS.map((value) => ({ value, label: folder(value) })),
    };
  }, [t]);
}
