// The demo `npm start` opens on: LinkedIn URLs mapped to pages bundled in test/fixtures (the realistic profile
// for Jane, the small single-page-app stand-in for the others), and the seeding of the demo network.
export const DEMO_PROFILE_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
export const DEMO_DORMANT_URL = 'https://www.linkedin.com/in/omar-haddad/';

// Served empty: the realistic profile's photo, so the page asks nothing of the network.
const JANE_PHOTO =
  'https://www.linkedin.com/dms/image/v2/D4E03AQjane/profile-displayphoto-shrink_200_200/0/1700000000000';

export const DEMO_FIXTURES = {
  'https://www.linkedin.com/feed/': 'pages/linkedin-spa.html',
  [DEMO_PROFILE_URL]: 'sites/linkedin-profile.html',
  [JANE_PHOTO]: { body: '', contentType: 'image/jpeg' },
  [DEMO_DORMANT_URL]: 'pages/linkedin-spa.html',
  'https://www.linkedin.com/in/li-wei-88/': 'pages/linkedin-spa.html',
  'https://www.linkedin.com/in/sam-keller-agency/': 'pages/linkedin-spa.html',
  'https://www.linkedin.com/in/%D9%81%D8%A7%D8%AF%D9%8A-%D8%A7%D9%84%D8%AD%D8%B3%D9%86-4b5c6d/':
    'sites/linkedin-profile-arabic.html',
};

/**
 * Seeds the demo network into the extension's database, through the demo page (an extension page that no
 * site or content script can reach). Returns how many people were written: 0 when the profile had data.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 */
export async function seedDemo(context, extensionId) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/src/demo/index.html`);
    await page.waitForFunction(() => typeof globalThis.trustNotesSeedDemo === 'function');
    return await page.evaluate(() => globalThis.trustNotesSeedDemo());
  } finally {
    await page.close();
  }
}
