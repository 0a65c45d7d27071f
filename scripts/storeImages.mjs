// The store's images, rendered by headless Chromium from files in this repo:
// - the 128×128 store icon: public/icons/icon.svg drawn at 96×96 with 16 px of transparent padding on every side,
//   as the Chrome Web Store asks (the icon's artwork then matches the other extensions' on the store's pages);
// - the 440×280 promo tile, from store/promo-tile.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/e2e/browser.mjs';
import { ROOT } from './release.mjs';

export const ICON = { size: 128, padding: 16 };
export const PROMO_TILE = { width: 440, height: 280 };

/**
 * Renders both images.
 * @param {{ icon: string, promoTile: string }} out the PNG files to write
 */
export async function renderStoreImages(out) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const icon = await browser.newPage({ viewport: { width: ICON.size, height: ICON.size } });
    const svg = readFileSync(join(ROOT, 'public/icons/icon.svg'), 'utf8');
    const inner = ICON.size - 2 * ICON.padding;
    await icon.setContent(
      `<style>html,body{margin:0;background:transparent}` +
        `div{padding:${ICON.padding}px}svg{width:${inner}px;height:${inner}px;display:block}</style><div>${svg}</div>`,
    );
    await icon.screenshot({ path: out.icon, omitBackground: true });

    // Loaded from its file, so that it finds the icon beside it in the repo; the network is not used.
    const tile = await browser.newPage({ viewport: PROMO_TILE });
    await tile.route(/^https?:/, (route) => route.abort());
    await tile.goto(pathToFileURL(join(ROOT, 'store/promo-tile.html')).href);
    await tile.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
    await tile.screenshot({ path: out.promoTile });
  } finally {
    await browser.close();
  }
}
