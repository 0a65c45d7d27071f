// A list that renders only the rows in view, so 30,000 people scroll like 30. Rows have one fixed height
// (no measuring, so no layout thrash while scrolling). The rows are real list items with their position in
// the whole list (aria-setsize / aria-posinset), and the arrow keys move focus row by row, scrolling rows
// into existence as they go.
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import './VirtualList.css';

export interface VirtualListProps {
  count: number;
  /** Every row's height in CSS pixels. */
  rowHeight: number;
  renderRow: (index: number) => ComponentChild;
  /** Accessible name of the list. */
  label: string;
  /** The rows rendered now, overscan included: a data source loads just these. */
  onRangeChange?: (first: number, last: number) => void;
  overscan?: number;
  /** Height of the scrolling box before it is laid out (tests, first paint). */
  initialHeight?: number;
  class?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex="0"]';

function targetIndex(key: string, index: number, count: number, pageRows: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + pageRows);
    case 'PageUp':
      return Math.max(0, index - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, renderRow, label, onRangeChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const pendingFocus = useRef<number | undefined>(undefined);

  // Rows are keyed by index, and every function handed to the virtualizer keeps its identity across
  // renders: the virtualizer recomputes its table of row positions (all 30,000 of them) whenever the
  // count or the key function changes, and doing that on every render blocks scrolling.
  const stable = useRef({
    getScrollElement: () => scrollRef.current,
    getItemKey: (index: number) => index,
    onChange: () => rerender(0),
  }).current;
  const options = {
    count,
    getScrollElement: stable.getScrollElement,
    estimateSize: () => rowHeight,
    getItemKey: stable.getItemKey,
    overscan: props.overscan ?? 6,
    initialRect: { width: 0, height: props.initialHeight ?? 600 },
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: stable.onChange,
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLDivElement, HTMLLIElement>(options));
  virtualizer.setOptions(options);

  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    // Before the box is measured there are no rows; reporting that would make the data source drop
    // the page it just loaded.
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, count]);

  // Focus the row the keyboard moved to, once it is rendered.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    const target = row?.querySelector<HTMLElement>(FOCUSABLE);
    if (target) {
      pendingFocus.current = undefined;
      target.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as HTMLElement).matches('input, select, textarea')) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const index = targetIndex(event.key, Number(row.dataset.index), count, pageRows);
    if (index === undefined) return;
    event.preventDefault();
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    rerender(0);
  };

  return (
    <div ref={scrollRef} class={`tn-vlist ${props.class ?? ''}`}>
      <ul
        ref={listRef}
        aria-label={label}
        onKeyDown={onKeyDown}
        style={{ height: `${virtualizer.getTotalSize()}px` }}
      >
        {items.map((item) => (
          <li
            key={item.key}
            data-index={item.index}
            aria-setsize={count}
            aria-posinset={item.index + 1}
            style={{ height: `${rowHeight}px`, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
