// A labelled progress bar: the native <progress> element, so assistive technology announces it as one,
// with the figures written out beside it for everyone.
export interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** Text shown beside the bar, e.g. "12,000 of 30,000 rows". */
  detail?: string;
}

export function ProgressBar({ label, value, max, detail }: ProgressBarProps) {
  const safeMax = max > 0 ? max : 1;
  return (
    <div class="tn-progress">
      <label>
        <span>{label}</span>
        <progress value={Math.min(value, safeMax)} max={safeMax} />
      </label>
      {detail && <span class="tn-progress-detail">{detail}</span>}
    </div>
  );
}
