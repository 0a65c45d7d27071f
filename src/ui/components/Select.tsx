// The one drop-down of the extension's forms: a label around its text and the <select>. The text names the
// select by aria-labelledby too, because a wrapping label alone gives the select a name that also holds its own
// chosen option in Chromium ("Kind Small joint task"). With `blank`, a first option '' means "not said" or "any".
import { useId } from 'preact/hooks';

interface Common<O extends string> {
  label: string;
  options: readonly O[];
  /** The words for one option. */
  text: (option: O) => string;
  class?: string;
  disabled?: boolean;
}

type Props<O extends string> = Common<O> &
  // O is inferred from `options` alone, so `text` is given only the options, never the blank ''.
  (
    | { value: NoInfer<O>; blank?: undefined; onChange: (value: NoInfer<O>) => void }
    | { value: NoInfer<O> | ''; blank: string; onChange: (value: NoInfer<O> | '') => void }
  );

export function Select<O extends string>(props: Props<O>) {
  const labelId = useId();
  return (
    <label class={props.class}>
      <span id={labelId}>{props.label}</span>
      <select
        aria-labelledby={labelId}
        value={props.value}
        disabled={props.disabled}
        // The browser only offers the options below (and '' when there is a blank one).
        onChange={(e) => (props.onChange as (value: string) => void)(e.currentTarget.value)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.text(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
