// Every code the core hands to the UI must have text in both locales, and the Arabic must be Arabic.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REASON_CODES, STEP_CODES } from '../../../src/core/codes';
import { FLAG_KINDS } from '../../../src/core/flags';
import { MILESTONE_KINDS, STAGES, TRUST_LEVELS } from '../../../src/core/trust';

type Messages = Record<string, { message: string; description?: string }>;

function load(lang: string): Messages {
  return JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
}

const en = load('en');
const ar = load('ar');

const keys = [
  ...REASON_CODES.map((code) => `trust_reason_${code}`),
  ...STEP_CODES.map((code) => `step_${code}`),
  ...FLAG_KINDS.map((kind) => `flag_${kind}`),
  ...STAGES.map((stage) => `stage_${stage}`),
  ...TRUST_LEVELS.map((level) => `trust_level_${level}`),
  ...MILESTONE_KINDS.map((kind) => `milestone_${kind}`),
];

describe('core locale keys', () => {
  test.each(keys)('%s is in English and Arabic', (key) => {
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(en[key]?.message.trim()).toBeTruthy();
    expect(ar[key]?.message).toMatch(/[\u0600-\u06FF]/);
    expect(ar[key]?.message).not.toBe(en[key]?.message);
  });
});
