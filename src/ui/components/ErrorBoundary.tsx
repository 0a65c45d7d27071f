import { Component, type ComponentChildren } from 'preact';
import { type MessageKey, t } from '../i18n/i18n.ts';
import { type FailureKind, failureDetail, failureKind } from './failure.ts';

const FAILURE_KEYS = {
  render: 'ui_error_render',
  storageBlocked: 'ui_error_storageBlocked',
  storageNewer: 'ui_error_storageNewer',
  storageFull: 'ui_error_storageFull',
  storageFailed: 'ui_error_storageFailed',
} as const satisfies Record<FailureKind, MessageKey>;

interface Props {
  children: ComponentChildren;
  /** The part it guards, for the message ("this record", "the flags"). A locale key. */
  part: MessageKey;
  /** Extra help after the message: e.g. the panel's link to the full app. */
  help?: (kind: FailureKind) => ComponentChildren;
  /** One line, for a list row of fixed height. */
  compact?: boolean;
}

interface State {
  error: unknown;
}

/**
 * Keeps one failing part from blanking the page: a render error or a failed read (useLiveQuery throws during
 * render) below it shows what failed and what to do, and the rest of the page carries on. "Try again" renders
 * the part anew, which also re-runs its reads.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`Trust Notes: ${this.props.part} failed`, error);
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const kind = failureKind(error);
    if (this.props.compact) {
      return (
        <div
          class="tn-error-box tn-error-compact"
          role="alert"
          data-failure={kind}
          title={failureDetail(error)}
        >
          {t('ui_error_compact', t(this.props.part))}
        </div>
      );
    }
    return (
      <div class="tn-error-box" role="alert" data-failure={kind}>
        <p>{t(FAILURE_KEYS[kind], t(this.props.part))}</p>
        <p class="tn-error-detail">{failureDetail(error)}</p>
        {this.props.help?.(kind)}
        <button type="button" class="tn-secondary" onClick={() => this.setState({ error: undefined })}>
          {t('ui_error_retry')}
        </button>
      </div>
    );
  }
}
