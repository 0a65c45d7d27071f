// The store's icon and promo tile (scripts/storeImages.mjs), rendered for real and read back pixel by pixel in
// Chromium: the sizes the Chrome Web Store asks for, and the icon's 16 px border fully transparent around artwork
// that reaches it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ICON, PROMO_TILE, renderStoreImages } from '../../scripts/storeImages.mjs';
import { chromiumPath } from './browser.mjs';

let dir: string;
const files = { icon: '', promoTile: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trust-notes-store-'));
  files.icon = join(dir, 'icon.png');
  files.promoTile = join(dir, 'tile.png');
  await renderStoreImages(files);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A PNG's width, height and every pixel's alpha (row by row), decoded by Chromium. */
async function decode(file: string): Promise<{ width: number; height: number; alpha: number[] }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    return await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      return { width: canvas.width, height: canvas.height, alpha: [...data].filter((_, i) => i % 4 === 3) };
    }, readFileSync(file).toString('base64'));
  } finally {
    await browser.close();
  }
}

test('the store icon is 128×128: artwork in the middle 96×96, a fully transparent 16 px border around it', async () => {
  const { width, height, alpha } = await decode(files.icon);
  expect([width, height]).toEqual([ICON.size, ICON.size]);
  const at = (x: number, y: number) => alpha[y * width + x]!;
  const inBorder = (x: number, y: number) =>
    x < ICON.padding || y < ICON.padding || x >= width - ICON.padding || y >= height - ICON.padding;
  let borderPixels = 0;
  let opaqueInside = 0;
  const visibleInBorder: string[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inBorder(x, y)) {
        borderPixels++;
        if (at(x, y) !== 0) visibleInBorder.push(`${x},${y}`);
      } else if (at(x, y) === 255) opaqueInside++;
    }
  }
  expect(visibleInBorder).toEqual([]);
  expect(borderPixels).toBe(128 * 128 - 96 * 96);
  // The artwork fills most of its square, and reaches close to the padding on each side.
  expect(opaqueInside).toBeGreaterThan(96 * 96 * 0.8);
  const middle = width / 2;
  for (const [x, y] of [
    [ICON.padding + 4, middle],
    [width - ICON.padding - 5, middle],
    [middle, ICON.padding + 4],
    [middle, height - ICON.padding - 5],
  ] as const) {
    expect(at(x, y), `alpha at ${x},${y}`).toBe(255);
  }
});

test('the promo tile is 440×280 and fully opaque', async () => {
  const { width, height, alpha } = await decode(files.promoTile);
  expect({ width, height }).toEqual(PROMO_TILE);
  expect(alpha.every((a) => a === 255)).toBe(true);
});
