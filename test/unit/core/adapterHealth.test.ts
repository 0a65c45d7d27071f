import { describe, expect, test } from 'vitest';
import {
  HEALTH_MAX,
  recentUnreadPages,
  type UnreadPage,
  withUnreadPage,
} from '../../../src/core/adapterHealth.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 20);
const page = (key: string, at: number, missing: UnreadPage['missing'] = ['name']): UnreadPage => ({
  key,
  site: 'linkedin',
  url: `https://www.linkedin.com/in/${key.slice(9)}/`,
  missing,
  at,
});

describe('withUnreadPage', () => {
  test('puts the page first and replaces its earlier entry: the last address and fields', () => {
    const list = [page('linkedin:a', NOW - 2 * DAY), page('linkedin:b', NOW - DAY)];
    const next = withUnreadPage(list, page('linkedin:a', NOW, ['headline']), NOW);
    expect(next.map((p) => [p.key, p.missing])).toEqual([
      ['linkedin:a', ['headline']],
      ['linkedin:b', ['name']],
    ]);
  });

  test('forgets pages older than 30 days', () => {
    const next = withUnreadPage([page('linkedin:old', NOW - 31 * DAY)], page('linkedin:new', NOW), NOW);
    expect(next.map((p) => p.key)).toEqual(['linkedin:new']);
  });

  test('keeps at most HEALTH_MAX pages, the most recent', () => {
    let list: UnreadPage[] = [];
    for (let i = 0; i < HEALTH_MAX + 20; i++)
      list = withUnreadPage(list, page(`linkedin:p${i}`, NOW - 1000 + i), NOW);
    expect(list).toHaveLength(HEALTH_MAX);
    expect(list[0]?.key).toBe(`linkedin:p${HEALTH_MAX + 19}`);
  });
});

describe('recentUnreadPages', () => {
  test('drops what is malformed or too old, newest first', () => {
    const stored = [
      page('linkedin:a', NOW - DAY),
      { key: 1 },
      null,
      page('linkedin:b', NOW),
      page('linkedin:c', NOW - 40 * DAY),
    ];
    expect(recentUnreadPages(stored, NOW).map((p) => p.key)).toEqual(['linkedin:b', 'linkedin:a']);
    expect(recentUnreadPages('nonsense', NOW)).toEqual([]);
  });
});
