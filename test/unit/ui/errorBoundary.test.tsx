import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Language } from '../../../src/core/types.ts';
import { ErrorBoundary } from '../../../src/ui/components/ErrorBoundary.tsx';
import { failureDetail, failureKind } from '../../../src/ui/components/failure.ts';
import { initI18n, t } from '../../../src/ui/i18n/i18n.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

afterEach(cleanup);

/** A Dexie-style error: Dexie wraps the browser's in `inner`. */
function dexieError(name: string, inner?: { name: string; message: string }) {
  return Object.assign(new Error(`${name} wrapper`), { name, inner });
}

describe('ErrorBoundary', () => {
  test('a part that throws says what failed and what to do; the rest of the page stays; Try again renders it anew', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Fragile() {
      if (broken) throw new RangeError('Invalid time value');
      return <p>All good now</p>;
    }
    render(
      <main>
        <h1>Page title</h1>
        <ErrorBoundary part="ui_part_section">
          <Fragile />
        </ErrorBoundary>
      </main>,
    );
    expect(screen.getByRole('heading', { name: 'Page title' })).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      'Trust Notes could not show this part of the record. Your data is unchanged.',
    );
    expect(alert.textContent).toContain('restore an earlier backup');
    expect(alert.textContent).toContain('RangeError: Invalid time value');
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('All good now')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a database the browser would not open is explained as such, with the help given', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Reader(): never {
      throw dexieError('OpenFailedError', {
        name: 'UnknownError',
        message: 'The user denied permission to access the database.',
      });
    }
    render(
      <ErrorBoundary part="ui_part_panel" help={(kind) => <a href="#app">help for {kind}</a>}>
        <Reader />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.dataset.failure).toBe('storageBlocked');
    expect(alert.textContent).toContain("Trust Notes could not open your notes to show this profile's notes");
    expect(alert.textContent).toContain('cookies and site data are blocked');
    expect(screen.getByRole('link', { name: 'help for storageBlocked' })).toBeTruthy();
  });
});

describe('failureKind', () => {
  test.each([
    [
      dexieError('OpenFailedError', {
        name: 'UnknownError',
        message: 'The user denied permission to access the database.',
      }),
      'storageBlocked',
    ],
    [
      dexieError('OpenFailedError', {
        name: 'UnknownError',
        message: 'Internal error opening backing store',
      }),
      'storageFailed',
    ],
    [dexieError('DatabaseClosedError'), 'storageFailed'],
    [dexieError('OpenFailedError', { name: 'VersionError', message: 'x' }), 'storageNewer'],
    [dexieError('OpenFailedError', { name: 'VersionError', message: 'x' }), 'storageNewer'],
    [dexieError('AbortError', { name: 'QuotaExceededError', message: 'x' }), 'storageFull'],
    [new RangeError('Invalid time value'), 'render'],
    ['a string', 'render'],
  ])('%s → %s', (error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });

  test('the detail is the innermost error, short', () => {
    expect(
      failureDetail(dexieError('OpenFailedError', { name: 'UnknownError', message: 'backing store' })),
    ).toBe('UnknownError: backing store');
    expect(failureDetail(new Error('x'.repeat(1000))).length).toBeLessThanOrEqual(301);
  });
});

describe('initI18n', () => {
  test('a language with no catalog (a damaged setting) falls back to the browser language', async () => {
    await initI18n('xx' as Language);
    expect(t('ui_error_retry')).toBe('Try again');
  });
});
