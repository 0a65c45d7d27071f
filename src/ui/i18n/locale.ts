// The format helpers bound to the page's current language (see i18n.ts).
import type { PartialDate } from '../../core/types.ts';
import { formatCountIn, formatDayOfMillisIn, formatPartialDateIn } from './format.ts';
import { uiLanguage } from './i18n.ts';

export const formatCount = (value: number): string => formatCountIn(uiLanguage(), value);
export const formatPartialDate = (value: PartialDate | undefined): string =>
  formatPartialDateIn(uiLanguage(), value);
export const formatDayOfMillis = (millis: number): string => formatDayOfMillisIn(uiLanguage(), millis);
