// Settings: the flag thresholds, the weekly digest, the sites beyond LinkedIn (SiteSettings.tsx), and the language. Each
// control saves on its own; the worker is told so flags follow the new thresholds at once.
//
// Permissions are asked for inside the click handler, before any await: browsers grant a permission
// prompt only while the user's click is still being handled.
import { useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Language, Settings } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { getSettings, saveSettings } from '../../db/meta.ts';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { settingsChanged } from '../../ui/data/workerNotify.ts';
import { type MessageKey, t, uiLanguage } from '../../ui/i18n/i18n.ts';
import { AdapterHealth } from './AdapterHealth.tsx';
import { SiteSettings } from './SiteSettings.tsx';
import type { SectionProps } from './section.ts';
import { type NumberSettingKey, SETTING_LIMITS, validNumberSetting } from './settingLimits.ts';

const NUMBER_SETTING_KEYS = {
  dormancyYears: { label: 'settings_dormancyYears', hint: 'settings_dormancyYears_hint' },
  stalledYears: { label: 'settings_stalledYears', hint: 'settings_stalledYears_hint' },
  defaultPaymentTermsDays: {
    label: 'settings_defaultPaymentTermsDays',
    hint: 'settings_defaultPaymentTermsDays_hint',
  },
  queueSize: { label: 'settings_queueSize', hint: 'settings_queueSize_hint' },
} as const satisfies Record<NumberSettingKey, { label: MessageKey; hint: MessageKey }>;

interface Props {
  onLanguageChange: (language: Language) => Promise<void>;
}

export function SettingsView({ onLanguageChange }: Props) {
  const settings = useLiveQuery(() => getSettings(db()), []);
  const [status, setStatus] = useState('');
  if (!settings) return <p role="status">{t('options_people_loading')}</p>;

  const save = async (changes: Partial<Settings>, affectsWorker = true) => {
    await saveSettings(db(), changes);
    setStatus(t('settings_saved'));
    if (affectsWorker) await settingsChanged();
  };

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings_heading')}</h2>
      <p class="settings-status" role="status">
        {status}
      </p>

      <fieldset class="card">
        <legend>{t('settings_flags_legend')}</legend>
        <NumberSetting field="dormancyYears" settings={settings} onSave={save} />
        <NumberSetting field="queueSize" settings={settings} onSave={save} />
        <NumberSetting field="stalledYears" settings={settings} onSave={save} />
        <NumberSetting field="defaultPaymentTermsDays" settings={settings} onSave={save} />
      </fieldset>

      <DigestSettings settings={settings} onSave={save} onStatus={setStatus} />
      <SiteSettings settings={settings} onSave={save} onStatus={setStatus} />
      <AdapterHealth />

      <fieldset class="card">
        <legend>{t('settings_language_legend')}</legend>
        <label>
          <span>{t('settings_language')}</span>
          <select
            value={settings.language}
            onChange={async (e) => {
              const language = e.currentTarget.value as Language;
              await save({ language }, false);
              await onLanguageChange(language);
            }}
          >
            <option value="auto">{t('settings_language_auto')}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="ar" lang="ar">
              العربية
            </option>
          </select>
        </label>
      </fieldset>
    </section>
  );
}

function NumberSetting(props: {
  field: NumberSettingKey;
  settings: Settings;
  onSave: (changes: Partial<Settings>) => Promise<void>;
}) {
  const { field, settings } = props;
  const limits = SETTING_LIMITS[field];
  const [text, setText] = useState(String(settings[field]));
  const errorId = useId();
  const hintId = useId();
  const value = validNumberSetting(field, text);
  return (
    <div class="setting">
      <label>
        <span>{t(NUMBER_SETTING_KEYS[field].label)}</span>
        <input
          type="number"
          min={limits.min}
          max={limits.max}
          step={1}
          value={text}
          aria-invalid={value === undefined ? 'true' : undefined}
          aria-describedby={value === undefined ? `${hintId} ${errorId}` : hintId}
          onInput={(e) => setText(e.currentTarget.value)}
          onChange={async (e) => {
            const next = validNumberSetting(field, e.currentTarget.value);
            if (next !== undefined && next !== settings[field]) await props.onSave({ [field]: next });
          }}
        />
      </label>
      <span id={hintId} class="setting-hint">
        {t(NUMBER_SETTING_KEYS[field].hint)}
      </span>
      {value === undefined && (
        <span id={errorId} class="field-error">
          {t('settings_number_invalid', limits.min, limits.max)}
        </span>
      )}
    </div>
  );
}

function weekdayNames(): string[] {
  const format = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  // 7 January 2024 was a Sunday: weekday 0, as Settings.digestWeekday counts.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 7 + day))));
}

function DigestSettings({ settings, onSave, onStatus }: SectionProps) {
  const toggle = (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    if (!on) {
      void onSave({ digestEnabled: false }).then(() =>
        browser.permissions.remove({ permissions: ['notifications'] }),
      );
      return;
    }
    // Asked before anything else in the handler, while the click still counts as a user gesture.
    const asked = browser.permissions.request({ permissions: ['notifications'] });
    void asked.then(
      async (granted) => {
        if (granted) await onSave({ digestEnabled: true });
        else onStatus(t('settings_digest_denied'));
      },
      () => onStatus(t('settings_digest_denied')),
    );
  };
  return (
    <fieldset class="card">
      <legend>{t('settings_digest_legend')}</legend>
      <label class="checkbox">
        <input type="checkbox" checked={settings.digestEnabled} onChange={toggle} />
        <span>{t('settings_digest_enabled')}</span>
      </label>
      <label>
        <span>{t('settings_digest_weekday')}</span>
        <select
          value={String(settings.digestWeekday)}
          disabled={!settings.digestEnabled}
          onChange={(e) => onSave({ digestWeekday: Number(e.currentTarget.value) })}
        >
          {weekdayNames().map((name, day) => (
            <option key={name} value={day}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
