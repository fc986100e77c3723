// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  AnnouncementInput,
  LibraryDocumentFields,
  LibraryVersionFields,
} from "../../domain/workspace/workspace.ts";
import en from "./workspace.en.json";
import italian from "./workspace.it.json";
import { WORKSPACE_PATTERNS } from "./workspace-messages.ts";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

/** Whether the Italian interface has words for an English message of the API or the schemas. */
const translated = (message: string) =>
  message in italian.messages ||
  WORKSPACE_PATTERNS.some((p) => p.re.test(message) && p.key in italian.patterns);

const issuesOf = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.message);

describe("the workspace pages' strings", () => {
  it("has the same keys in Italian and English (English keeps the API's own messages)", () => {
    const english = keysOf(en).filter((k) => !k.startsWith("messages."));
    const italianKeys = keysOf(italian).filter((k) => !k.startsWith("messages."));
    expect(english).toEqual(italianKeys);
  });

  it("says in Italian every rule the schemas can break", () => {
    const messages = [
      ...issuesOf(AnnouncementInput.safeParse({ title: "", body: "short", bodyId: "x" })),
      ...issuesOf(AnnouncementInput.safeParse({ title: "ab", body: "x".repeat(10_001) })),
      ...issuesOf(AnnouncementInput.safeParse({ title: "x".repeat(201), body: 3 })),
      ...issuesOf(
        LibraryDocumentFields.safeParse({
          title: "x",
          folder: "secret",
          description: "x".repeat(2001),
          bodyId: "x",
          note: "x".repeat(501),
        }),
      ),
      ...issuesOf(LibraryDocumentFields.safeParse({})),
      ...issuesOf(LibraryVersionFields.safeParse({ basedOn: "x", note: "x".repeat(501) })),
      ...issuesOf(LibraryVersionFields.safeParse({ basedOn: 0 })),
      ...issuesOf(LibraryVersionFields.safeParse({ basedOn: 1.5 })),
    ];
    expect(messages.length).toBeGreaterThan(12);
    for (const message of messages) expect(translated(message), message).toBe(true);
  });

  it("says in Italian what the API refuses", () => {
    for (const message of [
      "Version 4 was uploaded meanwhile: read it before adding yours",
      'The folder already has a document "Regolamento della Cabina di Regia": add a version to it',
      'No governance body "x"',
      'No library document "x"',
      'No version 9 of library document "x"',
      "Attach one file in the field `file`",
      "The file breaks a rule",
    ])
      expect(translated(message), message).toBe(true);
  });

  it("puts the version come meanwhile and the title back into the Italian", () => {
    const stale = WORKSPACE_PATTERNS.find((p) => p.key === "staleVersion");
    expect(stale?.re.exec("Version 4 was uploaded meanwhile: read it before adding yours")?.[1]).toBe("4");
    const duplicate = WORKSPACE_PATTERNS.find((p) => p.key === "duplicateTitle");
    expect(duplicate?.re.exec('The folder already has a document "Modello": add a version to it')?.[1]).toBe(
      "Modello",
    );
  });
});
