// Reading a profile address the user pastes or types: with or without https://, on any supported site,
// Mastodon's `/@user` included.
import { type ProfileRef, profileFromUrl, profileOnSite } from '../../core/identity.ts';

/** The address as a URL string: `github.com/jane` becomes `https://github.com/jane`. */
export function addressUrl(address: string): string {
  const text = address.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}

export function profileRefFromAddress(address: string): ProfileRef | null {
  if (!address.trim()) return null;
  const url = addressUrl(address);
  // A `/@user` address typed by the user is taken at its word: there is no page to ask whether it is Mastodon.
  return profileFromUrl(url) ?? profileOnSite('mastodon', url);
}
