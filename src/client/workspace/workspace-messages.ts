// SPDX-License-Identifier: EUPL-1.2
import type { AreaPattern } from "../i18n/translate-message.ts";

/** How a value matched in a message is shown: as it is. */
export type WorkspaceValue = "text";

/**
 * The workspace schemas' and API's messages that carry a value, matched by pattern. The schemas name
 * the field first (`title is required`): the field is shown beside its message, so the Italian leaves
 * it out. The exact messages are translated under `messages` instead.
 */
export const WORKSPACE_PATTERNS: readonly AreaPattern<WorkspaceValue>[] = [
  { re: /^\S+ is required$/, key: "required", names: [] },
  { re: /^\S+ needs at least (\d+) characters$/, key: "atLeast", names: [["min", "text"]] },
  { re: /^\S+: at most (\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  { re: /^\S+ must be (?:one of |an id$)/, key: "chooseOne", names: [] },
  {
    re: /^Version (\d+) was uploaded meanwhile: read it before adding yours$/,
    key: "staleVersion",
    names: [["version", "text"]],
  },
  {
    re: /^The folder already has a document "(.+)": add a version to it$/,
    key: "duplicateTitle",
    names: [["title", "text"]],
  },
  { re: /^No governance body "(.+)"$/, key: "noBody", names: [] },
  { re: /^No (?:version \d+ of )?library document "(.+)"$/, key: "noDocument", names: [] },
];
