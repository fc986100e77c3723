// SPDX-License-Identifier: EUPL-1.2
import { randomBytes } from "node:crypto";

/**
 * `count` time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then a counter in
 * the next 32 bits (method 1 of §6.2), then random bits. Ids made together sort in the order made,
 * so a bulk insert appends to the primary-key index instead of writing all over it as random
 * (version 4) ids do.
 */
export function uuid7Batch(count: number, now: Date = new Date()): string[] {
  const ms = now.getTime();
  const random = randomBytes(count * 6);
  const ids: string[] = new Array(count);
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < count; i++) {
    bytes.writeUIntBE(ms, 0, 6);
    // Version 7 and the counter's top 12 bits, then the variant and the next 20 (of a 32-bit counter).
    bytes[6] = 0x70 | ((i >>> 28) & 0x0f);
    bytes[7] = (i >>> 20) & 0xff;
    bytes[8] = 0x80 | ((i >>> 14) & 0x3f);
    bytes[9] = (i >>> 6) & 0xff;
    bytes[10] = ((i & 0x3f) << 2) | ((random[i * 6] as number) & 0x03);
    random.copy(bytes, 11, i * 6 + 1, i * 6 + 6);
    const hex = bytes.toString("hex");
    ids[i] =
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return ids;
}
