// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { photoFileName, photoProblems, sniffPhotoType } from "./ticket-photo.ts";

const text = (s: string) => [...new TextEncoder().encode(s)];

describe("photo content", () => {
  it.each([
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "image/jpeg"],
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], "image/png"],
    ["WebP", [...text("RIFF"), 0x24, 0, 0, 0, ...text("WEBPVP8 ")], "image/webp"],
    ["a RIFF that is not WebP (a WAV)", [...text("RIFF"), 0x24, 0, 0, 0, ...text("WAVEfmt ")], null],
    ["a PDF", text("%PDF-1.7\n"), null],
    ["a GIF", text("GIF89a"), null],
    ["text", text("not an image at all"), null],
    ["a PNG cut short", [0x89, 0x50, 0x4e], null],
  ] as const)("%s is %s", (_name, bytes, type) => {
    expect(sniffPhotoType(new Uint8Array(bytes))).toBe(type);
  });

  it.each([
    ["empty", [], "The file is empty"],
    ["text", text("hello, world"), "The file is not a JPEG, PNG or WebP image"],
  ] as const)("an %s file is refused on `file`", (_name, bytes, message) => {
    expect(photoProblems(new Uint8Array(bytes))).toEqual([{ path: "file", message }]);
  });

  it("keeps a name without folders or control characters", () => {
    expect(photoFileName("C:\\Users\\x\\lavello\u0007.jpg")).toBe("lavello.jpg");
    expect(photoFileName("../../etc/passwd")).toBe("passwd");
    expect(photoFileName("  ")).toBe("foto");
  });
});
