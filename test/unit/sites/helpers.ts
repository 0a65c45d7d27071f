import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/sites/');

// biome-ignore lint/plugin: unit tests parse the repository's own fixture pages; no page string reaches this.
export const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

export const fixtureDoc = (file: string): Document => parseHtml(readFileSync(`${FIXTURES}${file}`, 'utf8'));

/** The smallest page a Mastodon instance serves: the web app's mount point. */
export const mastodonShell = (): Document =>
  parseHtml('<body class="app-body"><div id="mastodon"></div></body>');
