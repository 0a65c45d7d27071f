// The format helpers bound to the page's current language (see i18n.ts).
import type { PageField, PartialDate } from '../../core/types.ts';
import { formatCountIn, formatDayOfMillisIn, formatPartialDateIn } from './format.ts';
import { type MessageKey, t, uiLanguage } from './i18n.ts';

const FIELD_KEYS = {
  name: 'field_name',
  headline: 'field_headline',
  location: 'field_location',
  photo: 'field_photo',
} as const satisfies Record<PageField, MessageKey>;

export const formatCount = (value: number): string => formatCountIn(uiLanguage(), value);
export const formatPartialDate = (value: PartialDate | undefined): string =>
  formatPartialDateIn(uiLanguage(), value);
export const formatDayOfMillis = (millis: number): string => formatDayOfMillisIn(uiLanguage(), millis);

/** Profile fields as words in a list: "headline and location", "العنوان المهني والموقع". */
export function formatFieldList(fields: readonly PageField[]): string {
  const names = fields.map((field) => t(FIELD_KEYS[field]));
  try {
    return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
