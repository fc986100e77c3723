// SPDX-License-Identifier: EUPL-1.2

/**
 * A ref that moves the focus to its element when the element appears: an outcome message, an alert.
 * One function for the whole app, so React calls it only when the element mounts, never on re-render.
 * (Focusing from the event handler instead races React's commit: the element may not be there yet.)
 */
export const focusOnMount = (element: HTMLElement | null) => {
  element?.focus();
};
