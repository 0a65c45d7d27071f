// A labelled one-line text input whose value the form keeps: the label's words above the field, the typed text
// handed back as a string. The input's own attributes are the few the forms set, named as on <input>.
import { useId } from 'preact/hooks';

type TextFieldProps = {
  label: string;
  value: string;
  onValue: (value: string) => void;
  name: string;
  type: 'text' | 'password';
  autoComplete: string;
  required?: boolean;
  disabled?: boolean;
  dir?: 'ltr' | 'rtl';
  inputMode?: 'url' | 'email' | 'text';
  placeholder?: string;
  'aria-describedby'?: string;
};

export function TextField({ label, onValue, type, ...input }: TextFieldProps) {
  const id = useId();
  const onInput = (event: { currentTarget: HTMLInputElement }) => onValue(event.currentTarget.value);
  // Two literal types rather than one variable: Preact's input attributes are a union discriminated by `type`.
  return (
    <label htmlFor={id}>
      <span>{label}</span>
      {type === 'password' ? (
        <input {...input} id={id} type="password" onInput={onInput} />
      ) : (
        <input {...input} id={id} type="text" onInput={onInput} />
      )}
    </label>
  );
}
