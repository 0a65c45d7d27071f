// Bounds of the numeric settings. Outside them a threshold stops meaning anything (a dormancy of 0 years
// flags everyone; 100 years flags no one), so such input is refused rather than saved.
import { QUEUE_SIZE_MAX, QUEUE_SIZE_MIN } from '../../core/queue.ts';
import type { Settings } from '../../core/types.ts';

export type NumberSettingKey = 'dormancyYears' | 'stalledYears' | 'defaultPaymentTermsDays' | 'queueSize';

export const SETTING_LIMITS: Record<NumberSettingKey, { min: number; max: number }> = {
  dormancyYears: { min: 1, max: 30 },
  stalledYears: { min: 1, max: 30 },
  defaultPaymentTermsDays: { min: 0, max: 365 },
  queueSize: { min: QUEUE_SIZE_MIN, max: QUEUE_SIZE_MAX },
};

/** The whole number typed, when it is within the setting's bounds; otherwise undefined. */
export function validNumberSetting(
  key: NumberSettingKey,
  text: string,
): Settings[NumberSettingKey] | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  const { min, max } = SETTING_LIMITS[key];
  return value >= min && value <= max ? value : undefined;
}
