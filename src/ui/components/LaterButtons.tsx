// "Later" and "not this one": the two answers a flag and a queue card both give, so a snooze means the same month and
// the buttons read the same wherever they are. The words stay each card's own (a flag is snoozed, a person is put off).
const DAY_MS = 86_400_000;

/** How long "later" puts a flag or a queued person off. */
export const SNOOZE_DAYS = 30;

export function LaterButtons(props: {
  snooze: { text: string; label: string };
  dismiss: { text: string; label: string };
  onSnooze: (until: number) => Promise<unknown>;
  onDismiss: () => Promise<unknown>;
}) {
  return (
    <>
      <button
        type="button"
        class="tn-secondary"
        aria-label={props.snooze.label}
        onClick={() => void props.onSnooze(Date.now() + SNOOZE_DAYS * DAY_MS)}
      >
        {props.snooze.text}
      </button>
      <button
        type="button"
        class="tn-secondary"
        aria-label={props.dismiss.label}
        onClick={() => void props.onDismiss()}
      >
        {props.dismiss.text}
      </button>
    </>
  );
}
