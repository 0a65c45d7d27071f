// What a release is made of, in one place: its version (package.json's), the names of its three zips, the
// BUILD.md that goes into the source zip, and the changelog rule. Used by `npm run package`, `npm run
// release-check` and the release tests.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** The three zips of `version`, under release/. */
export function packagePaths(version, root = ROOT) {
  const at = (kind) => join(root, 'release', `trust-notes-${version}-${kind}.zip`);
  return { chrome: at('chrome'), firefox: at('firefox'), source: at('source') };
}

/**
 * BUILD.md for the source zip: the exact commands and the tool versions the packages were made with.
 * @param {{ version: string, node: string, npm: string }} facts
 */
export function buildInstructions({ version, node, npm }) {
  return `# Building Trust Notes ${version} from this source

The packages \`trust-notes-${version}-firefox.zip\` and \`trust-notes-${version}-chrome.zip\` were built from exactly these
files with:

- Node.js ${node}
- npm ${npm}
- Linux (x86-64); the build has no native steps, and its output does not depend on the folder or the time.

## Steps

In this folder, with network access to the npm registry:

\`\`\`sh
npm ci
npm run build:release
\`\`\`

\`npm ci\` installs the exact dependency versions of \`package-lock.json\`. \`npm run build:release\` runs Vite twice:

\`\`\`sh
vite build --mode release           # Chrome:  release/chrome/
vite build --mode firefox-release   # Firefox: release/firefox/
\`\`\`

Every file of \`release/firefox/\` is byte-identical to the file of the same path in
\`trust-notes-${version}-firefox.zip\`, and \`release/chrome/\` to \`trust-notes-${version}-chrome.zip\`.
(\`npm run package\` builds and zips both again; the project's release check unpacks this source zip in an empty
folder, runs the two steps above and compares every file.)

## What the build does

- TypeScript and TSX under \`src/\` are bundled by Vite 8 (Rolldown) with \`@crxjs/vite-plugin\`, which writes the
  manifest from \`manifest.json\` and the site descriptors (\`manifestFor\` in \`manifest.config.ts\`: the Firefox
  variant, and the version from \`package.json\`). The code is minified; there is no obfuscation, no remote code and no source map.
- \`popup-startup.js\` and \`options-startup.js\` are \`src/popup/startup.ts\` and \`src/options/startup.ts\`, each
  bundled as one classic script (\`scripts/classicScript.mjs\`).
- Preact's one \`innerHTML\` write (behind \`dangerouslySetInnerHTML\`, which this code never uses) is replaced by a
  throw at build time (\`scripts/preactWithoutInnerHtml.mjs\`).
- PouchDB's \`scopeEval\` (a \`Function\` constructor for map, reduce and filter functions given as text, which this
  code never gives it) is replaced by a throw at build time (\`pouchWithoutEval\` in \`vite.config.ts\`).
- Files under \`public/\` (icons, \`_locales\`) are copied as they are.
`;
}

/** Whether CHANGELOG.md's text has a `## <version>` entry (optionally bracketed, with a date after it). */
export function changelogHasEntry(text, version) {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`, 'm').test(text);
}

/**
 * Every permission a manifest asks for, at install or optionally, in manifest order, each once. Hosts include the
 * content scripts' matches: the browser grants those at install as if they were host permissions, and the Chrome
 * Web Store's form asks to justify them too.
 */
export function manifestPermissions(manifest) {
  return [
    ...new Set([
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
    ]),
  ];
}

/** The permissions store/permissions.md justifies: the first cell of each table row, in backticks. */
export function justifiedPermissions(markdown) {
  return [...markdown.matchAll(/^\| `([^`]+)` \|[^|\n]*\|\s*([^|\n]*?)\s*\|$/gm)].map(
    ([, permission, why]) => {
      if (!why) throw new Error(`store/permissions.md: ${permission} has no justification`);
      return permission;
    },
  );
}

/**
 * What store/permissions.md and a manifest disagree on: permissions with no line (`missing`), lines for a
 * permission the manifest does not ask for (`extra`), and permissions with more than one line (`twice`). All
 * empty when the table is ready to paste. A permission added to the manifest (a sync server's origin, a new
 * site) shows up in `missing` until someone writes why it is needed.
 */
export function permissionGaps(manifest, markdown) {
  const justified = justifiedPermissions(markdown);
  const asked = manifestPermissions(manifest);
  return {
    missing: asked.filter((permission) => !justified.includes(permission)),
    extra: justified.filter((permission) => !asked.includes(permission)),
    twice: justified.filter((permission, i) => justified.indexOf(permission) !== i),
  };
}
