// A font set with Latin but no Arabic, for the badge font tests in Chromium and Firefox. The font leak needs a
// letter the system's UI font lacks: the browser then tries the next family named, which a page can define.
// macOS's system font has no Arabic, for one. Here the browser gets Liberation only (Debian's fonts-liberation,
// which .ci/run installs), through a fontconfig file of its own (FONTCONFIG_FILE).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LIBERATION = '/usr/share/fonts/truetype/liberation';

/** The environment for a browser to see only that font set, and how to clean up after it. */
export function fontsWithoutArabic(): { env: { FONTCONFIG_FILE: string }; dispose(): void } {
  if (!existsSync(LIBERATION)) {
    throw new Error(`${LIBERATION} is missing: apt-get install fonts-liberation`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'trust-notes-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${LIBERATION}</dir>` +
      `<cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return { env: { FONTCONFIG_FILE: file }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The hostile page: every family an injected UI might name, one face per letter. */
export const HOSTILE_FONTS = 'pages/hostile-fonts.html';
