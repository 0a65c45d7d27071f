import { useEffect, useRef, useState } from 'preact/hooks';
import {
  readStorageStatus,
  requestDurableStorage,
  type StorageDeps,
  type StorageStatus,
} from '../../db/persistence.ts';
import { t, uiLanguage } from '../../ui/i18n/i18n.ts';

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
 * The options page's storage status, inside its backup card (hence the h4): asks for durable storage
 * once shown, then says whether the browser will keep the data and how much it uses, read again each
 * time `changes` changes (the caller passes something that follows the data, such as its row count).
 */
export function StorageStatusView({ deps = {}, changes }: { deps?: StorageDeps; changes?: unknown }) {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const asked = useRef<Promise<unknown> | null>(null);
  const reads = useRef({ started: 0, shown: 0, mounted: true });
  useEffect(
    () => () => {
      reads.current.mounted = false;
    },
    [],
  );
  useEffect(() => {
    // While an import or a scan writes, `changes` changes faster than a read completes: every read is
    // shown unless a newer one already is, rather than each dropping the one before (which never shows).
    const read = ++reads.current.started;
    asked.current ??= requestDurableStorage(deps).catch(() => false);
    void asked.current
      .then(() => readStorageStatus(deps))
      .then((s) => {
        if (!reads.current.mounted || read < reads.current.shown) return;
        reads.current.shown = read;
        setStatus(s);
      });
  }, [changes]);

  return (
    <section class="storage-status" aria-labelledby="storage-status-title" aria-busy={status === null}>
      <h4 id="storage-status-title">{t('storage_title')}</h4>
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
