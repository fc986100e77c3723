// SPDX-License-Identifier: EUPL-1.2
import { type KeyboardEvent, type ReactNode, useRef } from "react";

export type Tab<K extends string> = { key: K; label: ReactNode };

type TabsProps<K extends string> = {
  /** The accessible name of the tab list. */
  label: string;
  idPrefix: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The selected tab's panel (only it is rendered: each tab reads its own data). */
  children: ReactNode;
};

/**
 * WAI-ARIA tabs with manual activation: the arrow keys, Home and End move the focus along the tabs,
 * Enter or Space opens one. Opening a tab reads its data (and each read of a household's data is
 * audited), so moving through them does not open each on the way.
 */
export function Tabs<K extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
  children,
}: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${idPrefix}-tab-${key}`;
  const panelId = (key: K) => `${idPrefix}-panel-${key}`;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const next: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (tab) refs.current.get(tab.key)?.focus();
  };
  return (
    <>
      <div className="nav nav-tabs record-tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => {
          const active = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(el) => {
                if (el) refs.current.set(tab.key, el);
                else refs.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={tabId(tab.key)}
              className={`nav-link${active ? " active" : ""}`}
              aria-selected={active}
              // Only the selected tab's panel exists.
              aria-controls={active ? panelId(tab.key) : undefined}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId(selected)}
        aria-labelledby={tabId(selected)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs: the panel takes the focus after its tab, also when it starts with text.
        tabIndex={0}
        className="record-tab-panel pt-4"
      >
        {children}
      </div>
    </>
  );
}
