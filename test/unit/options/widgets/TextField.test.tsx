import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { TextField } from '../../../../src/options/widgets/TextField.tsx';

afterEach(cleanup);

test('the label names its field, and what is typed comes back as the value', () => {
  const onValue = vi.fn();
  const view = render(
    <TextField
      label="Server"
      name="address"
      type="text"
      autoComplete="url"
      dir="ltr"
      value=""
      onValue={onValue}
    />,
  );
  const input = view.getByLabelText('Server') as HTMLInputElement;
  expect(input.name).toBe('address');
  expect(input.type).toBe('text');
  expect(input.autocomplete).toBe('url');
  expect(input.dir).toBe('ltr');
  fireEvent.input(input, { target: { value: 'https://couch.example.com' } });
  expect(onValue).toHaveBeenCalledWith('https://couch.example.com');
});

test('a secret is a password field, and the attributes given reach the input', () => {
  const view = render(
    <TextField
      label="Passphrase"
      name="passphrase"
      type="password"
      autoComplete="new-password"
      required
      disabled
      aria-describedby="hint"
      value="kept"
      onValue={() => undefined}
    />,
  );
  const input = view.getByLabelText('Passphrase') as HTMLInputElement;
  expect(input.type).toBe('password');
  expect(input.value).toBe('kept');
  expect(input.required).toBe(true);
  expect(input.disabled).toBe(true);
  expect(input.getAttribute('aria-describedby')).toBe('hint');
});
