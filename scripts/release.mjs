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
  manifest from \`manifest.json\` (see \`manifestFor\` in \`vite.config.ts\`: the Firefox variant, and the version
  from \`package.json\`). The code is minified; there is no obfuscation, no remote code and no source map.
- \`popup-startup.js\` is \`src/popup/startup.ts\` bundled as one classic script (\`scripts/classicScript.mjs\`).
- Preact's one \`innerHTML\` write (behind \`dangerouslySetInnerHTML\`, which this code never uses) is replaced by a
  throw at build time (\`scripts/preactWithoutInnerHtml.mjs\`).
- Files under \`public/\` (icons, \`_locales\`) are copied as they are.
`;
}

/** Whether CHANGELOG.md's text has a `## <version>` entry (optionally bracketed, with a date after it). */
export function changelogHasEntry(text, version) {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`, 'm').test(text);
}

/** Every permission a manifest asks for, at install or optionally, hosts included, in manifest order. */
export function manifestPermissions(manifest) {
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
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
