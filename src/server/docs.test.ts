// SPDX-License-Identifier: EUPL-1.2
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, scopeOfRole } from "../domain/auth/roles.ts";

describe("docs/permissions.md", () => {
  it("shows exactly the role × permission matrix of the domain", () => {
    const text = readFileSync(new URL("../../docs/permissions.md", import.meta.url), "utf8");
    const lines = text
      .split("\n")
      .filter((l) => l.startsWith("| ") && !/^\|\s*role\s/.test(l) && !/^\|\s*-/.test(l));
    const header = text.split("\n").find((l) => /^\|\s*role\s/.test(l)) ?? "";
    const columns = header
      .split("|")
      .map((c) => c.trim())
      .filter(Boolean);
    expect(columns).toEqual(["role", ...PERMISSIONS, "scope"]);
    const documented = Object.fromEntries(
      lines.map((line) => {
        const cells = line
          .split("|")
          .slice(1, -1)
          .map((c) => c.trim());
        const [role, ...rest] = cells;
        const scope = rest.pop();
        return [role, { permissions: PERMISSIONS.filter((_, i) => rest[i] === "✓"), scope }];
      }),
    );
    const expected = Object.fromEntries(
      ROLES.map((role) => [
        role,
        {
          permissions: PERMISSIONS.filter((p) => ROLE_PERMISSIONS[role].includes(p)),
          scope: scopeOfRole(role).replace("_", " "),
        },
      ]),
    );
    expect(documented).toEqual(expected);
  });
});

describe("repository hygiene", () => {
  it("starts every source file with an EUPL-1.2 SPDX header", () => {
    const root = new URL("../../", import.meta.url);
    const sources = ["src", "e2e", "bench"].flatMap((dir) =>
      readdirSync(new URL(dir, root), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.(ts|tsx)$/.test(f))
        .map((f) => `${dir}/${f}`),
    );
    expect(sources.length).toBeGreaterThan(50);
    const missing = sources.filter(
      (f) => !readFileSync(new URL(f, root), "utf8").startsWith("// SPDX-License-Identifier: EUPL-1.2\n"),
    );
    expect(missing).toEqual([]);
  });

  it("keeps request code off the owner's connection, which row-level security does not filter", () => {
    const root = new URL("./", import.meta.url);
    const requestCode = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => /\.(routes|service|repository|middleware)\.ts$/.test(f) || f === "app.ts" || f === "http.ts",
    );
    expect(requestCode.length).toBeGreaterThan(10);
    const offenders = requestCode.flatMap((f) =>
      readFileSync(new URL(f, root), "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        // The one owner's task of a request: refreshing planner statistics after a large import.
        .filter(({ line }) => /database\.db\b/.test(line) && !line.includes("refreshStatisticsAfterImport(")),
    );
    expect(offenders).toEqual([]);
  });
});
