// "Deleted. Undo?" An announced status message with an undo button that stays a few seconds. The caller
// holds what to restore; the toast only offers the button and forgets it when time runs out.
import { useEffect } from 'preact/hooks';

export interface UndoOffer {
  /** What happened, e.g. "Shared work deleted". */
  message: string;
  undo: () => Promise<unknown> | unknown;
}

export interface UndoToastProps {
  offer: UndoOffer | undefined;
  undoLabel: string;
  onDone: () => void;
  /** How long the offer stays, in ms. */
  timeout?: number;
}

export function UndoToast({ offer, undoLabel, onDone, timeout = 10_000 }: UndoToastProps) {
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(onDone, timeout);
    return () => clearTimeout(timer);
  }, [offer]);
  return (
    <div class="tn-toast" role="status" aria-live="polite">
      {offer && (
        <>
          <span>{offer.message}</span>
          <button
            type="button"
            onClick={async () => {
              onDone();
              await offer.undo();
            }}
          >
            {undoLabel}
          </button>
        </>
      )}
    </div>
  );
}
