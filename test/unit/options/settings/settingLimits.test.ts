import { expect, test } from 'vitest';
import { type NumberSettingKey, validNumberSetting } from '../../../../src/options/settings/settingLimits.ts';

test.each<[NumberSettingKey, string, number | undefined]>([
  ['dormancyYears', '3', 3],
  ['dormancyYears', ' 10 ', 10],
  ['dormancyYears', '1', 1],
  ['dormancyYears', '30', 30],
  ['dormancyYears', '0', undefined],
  ['dormancyYears', '31', undefined],
  ['dormancyYears', '2.5', undefined],
  ['dormancyYears', '-1', undefined],
  ['dormancyYears', '', undefined],
  ['dormancyYears', '1e1', undefined],
  ['stalledYears', '2', 2],
  ['defaultPaymentTermsDays', '0', 0],
  ['defaultPaymentTermsDays', '365', 365],
  ['defaultPaymentTermsDays', '366', undefined],
])('%s %j → %s', (key, text, expected) => {
  expect(validNumberSetting(key, text)).toBe(expected);
});
