// SPDX-License-Identifier: EUPL-1.2
import { expect } from "vitest";
import type { TicketDetail } from "../../domain/maintenance/ticket.schema.ts";
import { tenancies } from "../db/schema.ts";
import { acceptedHousehold } from "../support-plans/care-fixtures.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * Fixtures of the maintenance tests, in domain words: a household living in a unit of a partner with
 * an active tenancy (written as the owner, as the tenancy area would have activated it), and its
 * tenant's account. Fictional people only (see `ctx.householdInput`).
 */

export type Problem = { status: number; detail: string; errors: { path: string; message: string }[] };

export const problemOf = async (res: Response) => (await res.json()) as Problem;
export const pathsOf = async (res: Response) => (await problemOf(res)).errors.map((e) => e.path);
export const ticketOf = async (res: Response) => (await res.json()) as TicketDetail;

const CATEGORY_OF_PARTNER: Record<string, "calmierato" | "calmierato_ridotto" | "fragilita"> = {
  "ETS-B1": "calmierato",
  "ETS-B2": "calmierato_ridotto",
  "ETS-B3": "calmierato",
};

/**
 * A household of `partnerCode` (accepted by `manager`, of that partner) living in a new unit of that
 * partner under an active tenancy, with its tenant signed in.
 */
export async function housedTenant(ctx: TestContext, manager: TestClient, partnerCode = "ETS-B1") {
  const category = CATEGORY_OF_PARTNER[partnerCode] ?? "calmierato";
  const unit = await ctx.newUnit({ managingPartnerCode: partnerCode, category, status: "let" });
  const household = await acceptedHousehold(ctx, manager, { partnerCode });
  const [tenancy] = await ctx.db
    .insert(tenancies)
    .values({
      unitId: unit.id,
      householdId: household.id,
      status: "active",
      contractType: category,
      startOn: "2026-10-01",
    })
    .returning({ id: tenancies.id, reference: tenancies.reference });
  if (tenancy === undefined) throw new Error("fixture tenancy not inserted");
  const tenant = await ctx.loginAs("tenant", partnerCode, household.id);
  return { unit, household, tenancy, tenant };
}

/** A ticket opened by `client` through the staff API; fails the test when refused. */
export async function openedTicket(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post("/maintenance/tickets", {
    category: "plumbing",
    urgency: "urgent",
    title: "Perdita sotto il lavello",
    description: "Il sifone del lavello della cucina perde acqua (segnalazione di prova).",
    ...body,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ticketOf(res);
}

// Fictional images: just the signature of each type, then a line saying what they are.
const bytesOf = (head: number[], size = 0) => {
  const text = new TextEncoder().encode(" fictional test photo for CasaComune\n");
  const bytes = new Uint8Array(Math.max(size, head.length + text.length));
  bytes.set(head);
  bytes.set(text, head.length);
  return bytes;
};
export const PNG = (size = 0) => bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size);
export const JPEG = (size = 0) => bytesOf([0xff, 0xd8, 0xff, 0xe0], size);
export const WEBP = () =>
  bytesOf([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);

export const photoFile = (bytes: Uint8Array, name = "foto.png", type = "image/png") =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
