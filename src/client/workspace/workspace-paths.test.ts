// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  appLink,
  byFolder,
  documentId,
  folderId,
  NOTIFICATIONS_PATH,
  notificationsHref,
  unreadOnlyFromSearch,
} from "./workspace-paths.ts";

describe("the workspace pages' addresses", () => {
  it("keeps the unread filter in the address and reads back only `true`", () => {
    expect(notificationsHref(true)).toBe("/notifiche?unread=true");
    expect(notificationsHref(false)).toBe("/notifiche");
    expect(unreadOnlyFromSearch(new URL(notificationsHref(true), "http://x").searchParams)).toBe(true);
    expect(unreadOnlyFromSearch(new URLSearchParams("unread=yes"))).toBe(false);
    expect(unreadOnlyFromSearch(new URLSearchParams(""))).toBe(false);
  });

  it("follows a notification's link only to a page of the app", () => {
    for (const link of [
      "/governance/organi/0b9f6c1e-5d3a-4f7e-9a2b-1c2d3e4f5a6b",
      "/governance/azioni",
      "/nuclei/0b9f6c1e-5d3a-4f7e-9a2b-1c2d3e4f5a6b",
      "/assegnazione/proposte",
      "/spazio-partner",
    ])
      expect(appLink(link)).toBe(link);
    for (const link of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
    ])
      expect(appLink(link)).toBe(NOTIFICATIONS_PATH);
  });

  it("groups the library by folder in the folders' order, leaving out the empty ones", () => {
    const groups = byFolder([
      { id: "a", folder: "templates" },
      { id: "b", folder: "convention" },
      { id: "c", folder: "templates" },
    ] as const);
    expect(groups.map((g) => [g.folder, g.documents.map((d) => d.id)])).toEqual([
      ["convention", ["b"]],
      ["templates", ["a", "c"]],
    ]);
    expect(folderId("governance")).toBe("cartella-governance");
    expect(documentId("x")).toBe("documento-x");
  });
});
