import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PageField, ProfileSnapshot } from '../../../src/core/types.ts';
import { ReadingNotice } from '../../../src/ui/components/ReadingNotice.tsx';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

afterEach(cleanup);

const snapshot = (missing: PageField[]): ProfileSnapshot => ({
  site: 'linkedin',
  key: 'linkedin:acoaadkr3v',
  handle: 'acoaadkr3v',
  url: 'https://www.linkedin.com/in/acoaadkr3v/',
  reading: { sources: {}, missing },
});

describe('ReadingNotice', () => {
  test('says nothing when the page gave everything', () => {
    const { container } = render(
      <ReadingNotice snapshot={snapshot([])} person={undefined} onName={vi.fn()} />,
    );
    expect(container.textContent).toBe('');
  });

  test('says nothing before the page is read (only the URL is known)', () => {
    const { container } = render(
      <ReadingNotice
        snapshot={{ ...snapshot([]), reading: undefined }}
        person={undefined}
        onName={vi.fn()}
      />,
    );
    expect(container.textContent).toBe('');
  });

  test('says plainly that the name could not be read, and lists the other fields', () => {
    render(
      <ReadingNotice
        snapshot={snapshot(['name', 'headline', 'location'])}
        person={undefined}
        onName={vi.fn()}
      />,
    );
    expect(screen.getByRole('note').textContent).toContain(
      "Couldn't read the name from this page; showing the address.",
    );
    expect(screen.getByText("Couldn't read from this page: headline and location.")).toBeTruthy();
  });

  test('offers to type the name, saves it, and says later visits will not change it', async () => {
    const onName = vi.fn(async () => undefined);
    render(<ReadingNotice snapshot={snapshot(['name'])} person={undefined} onName={onName} />);
    fireEvent.click(screen.getByRole('button', { name: 'Type the name' }));
    const field = screen.getByLabelText('Name');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: '  Tomás O’Brien ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(onName).toHaveBeenCalledWith('Tomás O’Brien'));
    expect(await screen.findByText('Name saved. Later visits to this page will not change it.')).toBeTruthy();
  });

  test('an empty name is not saved', () => {
    const onName = vi.fn(async () => undefined);
    render(<ReadingNotice snapshot={snapshot(['name'])} person={undefined} onName={onName} />);
    fireEvent.click(screen.getByRole('button', { name: 'Type the name' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(onName).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Type a name first.');
  });

  test('a name the user typed before is theirs: no notice about the page’s name', () => {
    const { container } = render(
      <ReadingNotice snapshot={snapshot(['name'])} person={{ userEdited: ['name'] }} onName={vi.fn()} />,
    );
    expect(container.textContent).toBe('');
  });
});
