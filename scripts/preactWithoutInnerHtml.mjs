// Preact's renderer has one `innerHTML` write: the one behind the `dangerouslySetInnerHTML` prop. Trust Notes never
// uses that prop (Biome refuses it: `noDangerouslySetInnerHtml`), but the write is still in the bundle, and it is the
// one warning `web-ext lint` (so AMO's review) raises against the add-on. This build step replaces it with a throw:
// the prop can then never put HTML into a page, even if it slipped past the linter, and the bundle has no
// `innerHTML` write left. Every other part of Preact is untouched.

/** Preact's minified `dom.innerHTML = newHtml.__html` (src/diff/index.js), whatever the minifier named them. */
const HTML_WRITE = /\b[A-Za-z_$][\w$]*\.innerHTML=[A-Za-z_$][\w$]*\.__html\b/g;

/** What stands in its place: an expression, since the write sits inside a `||` chain. */
export const REFUSAL =
  '(()=>{throw new Error("Trust Notes renders no HTML strings: dangerouslySetInnerHTML is refused.")})()';

/** The module this applies to: Preact's one ES build, as its package.json exports it. */
export const PREACT_MODULE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

/**
 * Preact's module text with its one `innerHTML` write replaced by REFUSAL. Throws when it does not find exactly
 * one, so a Preact update that changes that code fails the build instead of shipping an unchecked change.
 * @param {string} code
 */
export function withoutInnerHtml(code) {
  const writes = code.match(HTML_WRITE) ?? [];
  if (writes.length !== 1) {
    throw new Error(
      `preact.mjs: expected one innerHTML write (dangerouslySetInnerHTML), found ${writes.length}. ` +
        'Check scripts/preactWithoutInnerHtml.mjs against this Preact version.',
    );
  }
  return code.replace(HTML_WRITE, REFUSAL);
}

/**
 * The Vite plugin. It fails the build if Preact was bundled without passing through it (a renamed file would
 * otherwise ship the write again, unnoticed until the store's review).
 * @returns {import('vite').Plugin}
 */
export function preactWithoutInnerHtml() {
  let applied = false;
  return {
    name: 'trust-notes:preact-without-innerhtml',
    apply: 'build',
    buildStart() {
      applied = false;
    },
    transform(code, id) {
      if (!PREACT_MODULE.test(id)) return undefined;
      applied = true;
      return { code: withoutInnerHtml(code), map: null };
    },
    generateBundle(_options, bundle) {
      const bundlesPreact = Object.values(bundle).some(
        (file) =>
          file.type === 'chunk' &&
          Object.keys(file.modules).some((m) => /[\\/]node_modules[\\/]preact[\\/]/.test(m)),
      );
      if (bundlesPreact && !applied) {
        throw new Error(
          'Preact was bundled but its innerHTML write was not removed (scripts/preactWithoutInnerHtml.mjs).',
        );
      }
    },
  };
}
