// Shared by the options and popup e2e tests: open extension pages, seed the real database from an extension
// page, known people to search and filter, and an axe-core check.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Person, Profile, QueueEntry, SharedWork } from '../../src/core/types.ts';
import { withSeed } from '../bench/seedBundle.mjs';
import type { launchWithExtension } from './browser.mjs';

export type Extension = Awaited<ReturnType<typeof launchWithExtension>>;

export function pageUrl(ext: Extension, path: string): string {
  return `chrome-extension://${ext.extensionId}/${path}`;
}

/** Opens the options page at a route and waits for its first view. */
export async function openOptions(ext: Extension, hash = '#/people'): Promise<Page> {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl(ext, `src/options/index.html${hash}`));
  await page.locator('main h2').first().waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export const seed = {
  records: (
    page: Page,
    input: { people: Person[]; profiles: Profile[]; works: SharedWork[]; queue?: QueueEntry[] },
  ) => withSeed(page, '(s, input) => s.seedRecords(input)', input),
  network: (page: Page, spec: { people: number; works: number; seed?: number }) =>
    withSeed(page, '(s, spec) => s.seedGenerated(spec)', spec),
  clear: (page: Page) => withSeed(page, '(s) => s.clearDatabase()'),
};

const T = Date.UTC(2024, 0, 1);

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, name, tags: [], userEdited: [], createdAt: T, updatedAt: T, ...extra };
}

function linkedin(personId: string, handle: string): Profile {
  return {
    key: `linkedin:${handle}`,
    personId,
    site: 'linkedin',
    handle,
    url: `https://www.linkedin.com/in/${handle}/`,
  };
}

function work(id: string, personId: string, extra: Partial<SharedWork>): SharedWork {
  return {
    id,
    personId,
    kind: 'smallTask',
    direction: 'theyDelivered',
    status: 'done',
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

/** Dates relative to today, so "dormant for N years" stays true whenever the tests run. */
export function yearsAgo(years: number, now = new Date()): string {
  const date = new Date(now);
  date.setMonth(date.getMonth() - Math.round(years * 12));
  return date.toISOString().slice(0, 10);
}

/**
 * The Quartermaine family and one Arabic name: unique words, so a search finds exactly them even among
 * thousands of generated people. Stages: Élodie tested, Fadi connected (dormant), Omar proven, Zoë
 * ambassador, Salma connected (dormant).
 */
export function knownPeople() {
  const people = [
    person('p-elodie', 'Élodie Quartermaine', { connectedOn: '2016-03-10', tags: ['vip'] }),
    person('p-fadi', 'Fadi Quartermaine', { connectedOn: '2015-02-01' }),
    person('p-omar', 'Omar Quartermaine', { connectedOn: '2019-06', tags: ['vip'] }),
    person('p-zoe', 'Zoë Quartermaine', { connectedOn: '2021-09-09' }),
    person('p-salma', 'سلمى الزرقاوي', { connectedOn: '2018' }),
  ];
  const profiles = [
    linkedin('p-elodie', 'elodie-q'),
    {
      key: 'github:elodieq',
      personId: 'p-elodie',
      site: 'github',
      handle: 'elodieq',
      url: 'https://github.com/elodieq',
    },
    linkedin('p-fadi', 'fadi-q'),
    linkedin('p-omar', 'omar-q'),
    linkedin('p-zoe', 'zoe-q'),
    linkedin('p-salma', 'salma-z'),
  ] satisfies Profile[];
  const works = [
    work('w-elodie', 'p-elodie', {
      title: 'Logo sketch',
      startDate: '2017-05',
      endDate: '2017-06',
      outcome: { quality: 4, reliability: 'onTime', wouldWorkAgain: 'yes' },
    }),
    work('w-omar', 'p-omar', {
      kind: 'paidProject',
      title: 'Shop rebuild',
      startDate: '2020-01',
      endDate: '2020-04',
      outcome: { quality: 5, reliability: 'onTime', payment: { status: 'onTime' }, wouldWorkAgain: 'yes' },
    }),
    work('w-zoe', 'p-zoe', { kind: 'referralReceived', title: 'Intro to a client', startDate: '2023-02' }),
  ] satisfies SharedWork[];
  return { people, profiles, works };
}

/** axe-core over the whole page: no violations at all (WCAG 2.x A and AA rules and best practices). */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  expect(summary, `axe violations on ${what}`).toEqual([]);
}
