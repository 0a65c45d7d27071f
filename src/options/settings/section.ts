import type { Settings } from '../../core/types.ts';

/** What each settings section gets: the settings, how to save a change, and where to say what happened. */
export interface SectionProps {
  settings: Settings;
  onSave: (changes: Partial<Settings>) => Promise<void>;
  onStatus: (text: string) => void;
}
