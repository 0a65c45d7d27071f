// The Sync view: set sync up (server, account, passphrase), see how it stands (last sync, changes waiting, what went
// wrong and what to do), sync now, or stop syncing on this device. The worker does the work (sync/service.ts); this
// page holds no PouchDB, and follows the state live from the sync store.
import { useEffect, useId, useState } from 'preact/hooks';
import { sendMessage } from '../../messages/client.ts';
import type { SyncAccount } from '../../messages/protocol.ts';
import type { SyncErrorCode } from '../../sync/errors.ts';
import { MIN_PASSPHRASE_LENGTH, serverPlace } from '../../sync/setup.ts';
import type { SyncPhase } from '../../sync/store.ts';
import { type SyncView, syncView } from '../../sync/view.ts';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { formatCount, formatTimeOfMillis } from '../../ui/i18n/locale.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { ProgressBar } from '../widgets/ProgressBar.tsx';
import { TextField } from '../widgets/TextField.tsx';
import { releaseServerAccess, requestServerAccess, serverAccessRefused } from './serverAccess.ts';
import { syncErrorText } from './syncErrorText.ts';

const PHASE_KEYS = {
  sending: 'sync_phase_sending',
  receiving: 'sync_phase_receiving',
  applying: 'sync_phase_applying',
} as const satisfies Record<SyncPhase, MessageKey>;

type Step =
  | { step: 'account' }
  | { step: 'busy' }
  | { step: 'passphrase'; fresh: boolean; databaseUrl: string; account: SyncAccount };

export function SyncSettings() {
  const view = useLiveQuery(() => syncView(), []);
  // Opening the view counts as a page opening: the worker syncs unless it just did.
  useEffect(() => {
    void sendMessage('page:syncStatus', { opened: true }).catch(() => undefined);
  }, []);
  return (
    <section class="settings sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync_heading')}</h2>
      <p class="muted">{t('sync_intro')}</p>
      {view === undefined ? (
        <p role="status">{t('options_people_loading')}</p>
      ) : view.on ? (
        <SyncStatusCard view={view} />
      ) : (
        <SyncSetup />
      )}
    </section>
  );
}

function SyncSetup() {
  const [step, setStep] = useState<Step>({ step: 'account' });
  const [error, setError] = useState<SyncErrorCode | undefined>();
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const errorId = useId();
  const hintId = useId();

  const connect = (event: Event) => {
    event.preventDefault();
    setError(undefined);
    let permission: string;
    try {
      permission = serverPlace(address).permission;
    } catch {
      setError('badAddress');
      return;
    }
    // First thing in the handler, while the click still counts as the user's.
    const granted = requestServerAccess(permission);
    const account = { address, user: user.trim(), password };
    setStep({ step: 'busy' });
    void granted.then(async (ok) => {
      if (!ok) {
        await serverAccessRefused();
        setError('noPermission');
        setStep({ step: 'account' });
        return;
      }
      const reply = await sendMessage('page:syncProbe', account).catch(() => ({
        ok: false as const,
        code: 'failed' as const,
      }));
      if (!reply.ok) {
        setError(reply.code);
        setStep({ step: 'account' });
        return;
      }
      setStep({ step: 'passphrase', fresh: reply.fresh, databaseUrl: reply.databaseUrl, account });
    });
  };

  const start = async (event: Event) => {
    event.preventDefault();
    if (step.step !== 'passphrase') return;
    setError(undefined);
    if (step.fresh && passphrase !== repeat) {
      setError('passphraseMismatch');
      return;
    }
    const current = step;
    setStep({ step: 'busy' });
    const reply = await sendMessage('page:syncConnect', {
      ...current.account,
      passphrase,
      ...(current.fresh ? { repeat } : {}),
    }).catch(() => ({ ok: false as const, code: 'failed' as const }));
    if (!reply.ok) {
      setError(reply.code);
      // A wrong account or server goes back to the first step; a passphrase problem stays here.
      const passphraseProblem = ['wrongPassphrase', 'passphraseMismatch', 'passphraseWeak'].includes(
        reply.code,
      );
      setStep(passphraseProblem ? current : { step: 'account' });
      return;
    }
    setPassphrase('');
    setRepeat('');
  };

  const busy = step.step === 'busy';
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  return (
    <div class="card sync-setup">
      {step.step !== 'passphrase' ? (
        <form onSubmit={connect}>
          <p id={hintId} class="muted">
            {t('sync_setup_hint')}
          </p>
          <TextField
            label={t('sync_address')}
            name="address"
            type="text"
            inputMode="url"
            autoComplete="url"
            dir="ltr"
            required
            placeholder="https://couch.example.com"
            disabled={busy}
            aria-describedby={describedBy}
            value={address}
            onValue={setAddress}
          />
          <TextField
            label={t('sync_user')}
            name="user"
            type="text"
            autoComplete="username"
            dir="ltr"
            required
            disabled={busy}
            value={user}
            onValue={setUser}
          />
          <TextField
            label={t('sync_password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            disabled={busy}
            value={password}
            onValue={setPassword}
          />
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('sync_connect')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={start}>
          <p id={hintId}>
            {step.fresh
              ? t('sync_passphrase_new', formatCount(MIN_PASSPHRASE_LENGTH))
              : t('sync_passphrase_join')}
          </p>
          <p class="muted" dir="ltr">
            {step.databaseUrl}
          </p>
          <TextField
            label={t('sync_passphrase')}
            name="passphrase"
            type="password"
            autoComplete={step.fresh ? 'new-password' : 'off'}
            required
            aria-describedby={describedBy}
            value={passphrase}
            onValue={setPassphrase}
          />
          {step.fresh && (
            <TextField
              label={t('sync_passphrase_repeat')}
              name="repeat"
              type="password"
              autoComplete="new-password"
              required
              aria-describedby={describedBy}
              value={repeat}
              onValue={setRepeat}
            />
          )}
          <p class="muted">{t('sync_passphrase_warning')}</p>
          <div class="actions">
            <button type="submit">{t('sync_start')}</button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setError(undefined);
                setStep({ step: 'account' });
              }}
            >
              {t('options_cancel')}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {busy && <p role="status">{t('sync_checking')}</p>}
        {error && (
          <p id={errorId} class="error-box" role="alert">
            {syncErrorText(error)}
          </p>
        )}
      </div>
    </div>
  );
}

function SyncStatusCard({ view }: { view: SyncView }) {
  const [confirmStop, setConfirmStop] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const syncNow = async () => {
    setSyncing(true);
    try {
      await sendMessage('page:syncNow', {});
    } finally {
      setSyncing(false);
    }
  };
  const allowAgain = () => {
    if (!view.databaseUrl) return;
    const asked = requestServerAccess(serverPlace(view.databaseUrl).permission);
    void asked.then((ok) => (ok ? syncNow() : undefined));
  };
  const stop = async () => {
    setConfirmStop(false);
    const permission = view.databaseUrl ? serverPlace(view.databaseUrl).permission : undefined;
    await sendMessage('page:syncStop', {});
    if (permission) await releaseServerAccess(permission);
  };
  const running = view.running;
  return (
    <div class="card sync-status">
      <dl class="sync-facts">
        <div>
          <dt>{t('sync_server')}</dt>
          <dd dir="ltr">{view.databaseUrl}</dd>
        </div>
        <div>
          <dt>{t('sync_user')}</dt>
          <dd dir="ltr">{view.user}</dd>
        </div>
        <div>
          <dt>{t('sync_last')}</dt>
          <dd class="sync-last">
            {view.lastSyncAt === undefined ? t('sync_last_never') : formatTimeOfMillis(view.lastSyncAt)}
          </dd>
        </div>
        <div>
          <dt>{t('sync_pending')}</dt>
          <dd class="sync-pending">{formatCount(view.pending)}</dd>
        </div>
      </dl>
      <div aria-live="polite">
        {running && (
          <ProgressBar
            label={t(PHASE_KEYS[running.phase])}
            value={running.done}
            max={running.total ?? Math.max(running.done, 1)}
            detail={
              running.total === undefined
                ? formatCount(running.done)
                : t('sync_progress', formatCount(running.done), formatCount(running.total))
            }
          />
        )}
        {view.error && (
          <div class="error-box sync-error" role="alert">
            <p>{syncErrorText(view.error)}</p>
            {view.error === 'noPermission' && (
              <button type="button" onClick={allowAgain}>
                {t('sync_allow_again')}
              </button>
            )}
          </div>
        )}
        {view.conflicts > 0 && (
          <p class="reminder-box sync-conflicts" role="note">
            {t('sync_conflicts', formatCount(view.conflicts))}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="button" onClick={syncNow} disabled={syncing || running !== undefined}>
          {syncing || running ? t('sync_syncing') : t('sync_now')}
        </button>
        <button type="button" class="secondary" onClick={() => setConfirmStop(true)}>
          {t('sync_stop')}
        </button>
      </div>
      <Dialog open={confirmStop} title={t('sync_stop_title')} onClose={() => setConfirmStop(false)}>
        <p>{t('sync_stop_body')}</p>
        <div class="actions">
          <button type="button" class="danger" onClick={stop}>
            {t('sync_stop_confirm')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirmStop(false)}>
            {t('options_cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
