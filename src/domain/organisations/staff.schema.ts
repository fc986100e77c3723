// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { Role } from "../auth/roles.ts";

/** An account as a team picker shows it (`GET /staff`): no e-mail, no fiscal code. */
export const StaffMember = z.object({
  id: z.uuid(),
  name: z.string(),
  role: Role,
  organisation: z.object({ code: z.string(), name: z.string() }),
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ items: z.array(StaffMember) });
export type StaffList = z.infer<typeof StaffList>;
