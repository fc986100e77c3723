// SPDX-License-Identifier: EUPL-1.2
import type { ArrearsPolicyInput, ArrearsPolicyView } from "../../domain/arrears/arrears-api.schema.ts";
import {
  ArrearsPolicy,
  DEFAULT_ARREARS_POLICY,
  DEFAULT_ARREARS_POLICY_REASON,
} from "../../domain/arrears/arrears-policy.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { fieldError } from "../errors.ts";
import {
  findLatestPolicyRow,
  insertPolicyRow,
  lockPolicyVersions,
  type PolicyRow,
} from "./arrears-policy.repository.ts";

const DEFAULT_VIEW: ArrearsPolicyView = {
  version: 0,
  stored: false,
  reason: DEFAULT_ARREARS_POLICY_REASON,
  createdBy: null,
  createdAt: null,
  policy: DEFAULT_ARREARS_POLICY,
};

/** A stored version as it reads today; one the schema no longer reads falls back to the starting policy. */
function policyOf(row: PolicyRow): ArrearsPolicy {
  const parsed = ArrearsPolicy.safeParse(row.policy);
  return parsed.success ? parsed.data : DEFAULT_ARREARS_POLICY;
}

const viewOf = (row: PolicyRow): ArrearsPolicyView => ({
  version: row.version,
  stored: true,
  reason: row.reason,
  createdBy: row.createdBy === null ? null : { id: row.createdBy, name: row.createdByName ?? "" },
  createdAt: row.createdAt.toISOString(),
  policy: policyOf(row),
});

/** The policy in force and its number (0: the starting policy). */
export async function activeArrearsPolicy(db: Db): Promise<{ version: number; policy: ArrearsPolicy }> {
  const row = await findLatestPolicyRow(db);
  return row === null
    ? { version: 0, policy: DEFAULT_ARREARS_POLICY }
    : { version: row.version, policy: policyOf(row) };
}

export async function getArrearsPolicy(options: { db: Db }): Promise<ArrearsPolicyView> {
  const row = await findLatestPolicyRow(options.db);
  return row === null ? DEFAULT_VIEW : viewOf(row);
}

/** Save the policy as the next version, in force from now, with why; writers take turns. */
export async function saveArrearsPolicy(options: {
  db: Db;
  actor: Actor;
  input: ArrearsPolicyInput;
  now: Date;
}): Promise<ArrearsPolicyView> {
  const { db, actor, input, now } = options;
  await lockPolicyVersions(db);
  const version = ((await findLatestPolicyRow(db))?.version ?? 0) + 1;
  const saved = await insertPolicyRow(db, {
    version,
    policy: input.policy,
    reason: input.reason,
    createdBy: actor.userId,
    createdAt: now,
  });
  if (!saved) throw fieldError("CONFLICT", "version", "Another version was saved at the same moment; retry");
  return getArrearsPolicy({ db });
}
