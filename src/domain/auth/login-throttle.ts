// SPDX-License-Identifier: EUPL-1.2

/**
 * Password sign-in throttling. Per account (the e-mail as typed, known or not, so throttling does not
 * tell which accounts exist): the first failures are free, then each attempt waits twice as long as
 * the one before, up to a ceiling, and never more than `accountFailuresPerHour` failures an hour. Per
 * address: at most `addressFailuresPerHour` failures an hour, whatever the accounts tried.
 */
export const LOGIN_THROTTLE = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  accountFailuresPerHour: 100,
  addressFailuresPerHour: 300,
  windowMs: 60 * 60_000,
} as const;

export type LoginHistory = {
  /** Failures of this account in the last hour since its last successful sign-in, oldest first. */
  accountFailures: readonly Date[];
  /** Failures from this address in the last hour, oldest first. */
  addressFailures: readonly Date[];
};

export type ThrottleDecision =
  | { allowed: true; addressRemaining: number }
  | { allowed: false; retryAfterSeconds: number; reason: "account" | "address"; addressRemaining: number };

/** Wait required after `failures` consecutive failures (0 while they are within the free ones). */
export function delayAfterFailures(failures: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  const doublings = failures - LOGIN_THROTTLE.freeFailures;
  // 2^20 s is far past the ceiling: stop doubling before the number grows pointlessly.
  return Math.min(LOGIN_THROTTLE.baseDelayMs * 2 ** Math.min(doublings, 20), LOGIN_THROTTLE.maxDelayMs);
}

export function decideLogin(history: LoginHistory, now: Date): ThrottleDecision {
  const t = now.getTime();
  const inWindow = (d: Date) => t - d.getTime() < LOGIN_THROTTLE.windowMs;
  const account = history.accountFailures.filter(inWindow);
  const address = history.addressFailures.filter(inWindow);
  const addressRemaining = Math.max(0, LOGIN_THROTTLE.addressFailuresPerHour - address.length);
  const waitUntil = (ms: number) => Math.max(1, Math.ceil((ms - t) / 1000));

  const oldestAddress = address[0];
  if (oldestAddress && address.length >= LOGIN_THROTTLE.addressFailuresPerHour) {
    const freeAt = address[address.length - LOGIN_THROTTLE.addressFailuresPerHour];
    return {
      allowed: false,
      reason: "address",
      retryAfterSeconds: waitUntil((freeAt ?? oldestAddress).getTime() + LOGIN_THROTTLE.windowMs),
      addressRemaining,
    };
  }
  if (account.length >= LOGIN_THROTTLE.accountFailuresPerHour) {
    const freeAt = account[account.length - LOGIN_THROTTLE.accountFailuresPerHour] as Date;
    return {
      allowed: false,
      reason: "account",
      retryAfterSeconds: waitUntil(freeAt.getTime() + LOGIN_THROTTLE.windowMs),
      addressRemaining,
    };
  }
  const last = account[account.length - 1];
  const nextAt = last ? last.getTime() + delayAfterFailures(account.length) : t;
  if (nextAt > t) {
    return { allowed: false, reason: "account", retryAfterSeconds: waitUntil(nextAt), addressRemaining };
  }
  return { allowed: true, addressRemaining };
}
