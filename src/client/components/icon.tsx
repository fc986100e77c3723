// SPDX-License-Identifier: EUPL-1.2
import sprites from "bootstrap-italia/dist/svg/sprites.svg?url";

type IconProps = { name: string; className?: string; size?: "xs" | "sm" | "lg" };

/** A Bootstrap Italia icon; decorative, so hidden from assistive technology. */
export function Icon({ name, className = "", size }: IconProps) {
  const classes = ["icon", size ? `icon-${size}` : "", className].filter(Boolean).join(" ");
  return (
    <svg className={classes} aria-hidden="true" focusable="false">
      <use href={`${sprites}#it-${name}`} />
    </svg>
  );
}
