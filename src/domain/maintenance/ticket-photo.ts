// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../shared/issue.ts";

/** The image types a ticket's photo may be, the largest photo, and how many a ticket may have. */
export const TICKET_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type TicketPhotoType = (typeof TICKET_PHOTO_TYPES)[number];
/** 5 MiB: a phone's photo fits; a larger file is refused with 413 naming `file`. */
export const TICKET_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const TICKET_PHOTO_MAX_COUNT = 6;

/** The bytes an image starts with, `null` for a byte that may be anything. */
const SIGNATURES: Record<TicketPhotoType, readonly (number | null)[]> = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  // "RIFF", the file's length, "WEBP".
  "image/webp": [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
};

/** The image type a file's content starts like (its magic bytes), or null: a name or a declared type proves nothing. */
export function sniffPhotoType(bytes: Uint8Array): TicketPhotoType | null {
  return (
    TICKET_PHOTO_TYPES.find((type) =>
      SIGNATURES[type].every((byte, i) => i < bytes.length && (byte === null || bytes[i] === byte)),
    ) ?? null
  );
}

export const PHOTO_NOT_AN_IMAGE = "The file is not a JPEG, PNG or WebP image";
export const PHOTO_TOO_LARGE = "A photo may be at most 5 MB";
export const PHOTO_TOO_MANY = "A ticket may have at most 6 photos";

/** Problems of an uploaded photo other than its size: empty, or not an image of an accepted type. */
export function photoProblems(bytes: Uint8Array): FieldIssue[] {
  if (bytes.length === 0) return [{ path: "file", message: "The file is empty" }];
  if (sniffPhotoType(bytes) === null) return [{ path: "file", message: PHOTO_NOT_AN_IMAGE }];
  return [];
}

/** The name a photo is kept under: without folders or control characters, at most 200 characters. */
export function photoFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  return base.slice(-200) || "foto";
}
