import { useEffect, useState } from 'preact/hooks';
import {
  readStorageStatus,
  requestDurableStorage,
  type StorageDeps,
  type StorageStatus,
} from '../db/persistence.ts';
import { t, uiLanguage } from './i18n.ts';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Bytes in the largest unit that keeps the number at least 1, e.g. "1.4 MB". */
export function formatBytesIn(locale: string, bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * The options page's storage section: asks for durable storage once shown, then says whether the
 * browser will keep the data and how much it uses.
 */
export function StorageStatusView({ deps = {} }: { deps?: StorageDeps }) {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    void requestDurableStorage(deps)
      .catch(() => false)
      .then(() => readStorageStatus(deps))
      .then((s) => {
        if (live) setStatus(s);
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="storage-status" aria-labelledby="storage-status-title" aria-busy={status === null}>
      <h2 id="storage-status-title">{t('storage_title')}</h2>
      {status && (
        <>
          <p data-storage-durable={String(status.durable)}>
            {t(status.durable ? 'storage_durable' : 'storage_not_durable')}
          </p>
          {status.usage !== null && (
            <p data-storage-usage={status.usage}>
              {t('storage_usage', formatBytesIn(uiLanguage(), status.usage))}
            </p>
          )}
        </>
      )}
    </section>
  );
}
