// `npm run store`: the store's listing images, made fresh from this checkout (release-check runs it).
// - store/screenshots/{en,ar}/*.png: six 1280×800 screenshots each, by `npm start`'s headless path on the demo data;
// - store/icon-128.png and store/promo-tile-440x280.png (scripts/storeImages.mjs).
// The text (listing.{en,ar}.md, permissions.md) is written by hand and checked by tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './release.mjs';
import { renderStoreImages } from './storeImages.mjs';

const store = join(ROOT, 'store');
// One development build (the demo page seeds the data) for both languages.
execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
for (const lang of ['en', 'ar']) {
  const out = join(store, 'screenshots', lang);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'scripts/start.mjs'), '--no-build', '--lang', lang, '--out', out],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
await renderStoreImages({
  icon: join(store, 'icon-128.png'),
  promoTile: join(store, 'promo-tile-440x280.png'),
});
console.log(
  'Store images written: store/screenshots/{en,ar}/, store/icon-128.png, store/promo-tile-440x280.png',
);
