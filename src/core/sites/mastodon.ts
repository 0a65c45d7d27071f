import type { SiteDescriptor } from './descriptor.ts';
import { hostOf, pathSegments, safeDecode, words } from './urlRules.ts';

const TABS = words('with_replies media featured');

export const mastodon = {
  // No pattern of its own: each instance the user adds in the settings is granted as `https://<host>/*`.
  matches: [],
  onInstances: true,
  // Any server can be an instance: the page must say it is one (src/sites/mastodon.ts).
  urlIdentifies: false,
  atPrefixed: true,
  /**
   * The `user@instance` handle of a profile path: `/@user` on its home instance, `/@user@remote` as seen from
   * another. Only the path is read.
   */
  handleFromUrl(url) {
    if (!/^https?:$/.test(url.protocol)) return null;
    const [account, tab, ...rest] = pathSegments(url);
    if (rest.length || (tab !== undefined && !TABS.has(tab.toLowerCase()))) return null;
    const match = /^@([\w.-]+)(?:@([a-z\d.-]+\.[a-z\d-]+))?$/i.exec(safeDecode(account ?? ''));
    return match ? `${match[1]}@${match[2] ?? hostOf(url)}` : null;
  },
  // `jane@mastodon.social` speaks on mastodon.social only: any instance can show her page, under its own name.
  homeHost(handle) {
    const at = handle.lastIndexOf('@');
    return at > 0 ? handle.slice(at + 1) : null;
  },
  profileUrl(handle) {
    const at = handle.lastIndexOf('@');
    if (at <= 0) return null;
    return `https://${handle.slice(at + 1)}/@${encodeURIComponent(handle.slice(0, at))}`;
  },
  testUrls: {
    profile: [
      ['https://mastodon.social/@jane', 'jane@mastodon.social'],
      ['https://mastodon.social/@Jane/', 'jane@mastodon.social'],
      ['https://fosstodon.org/@jane@mastodon.social', 'jane@mastodon.social'],
      ['https://fosstodon.org/@jane@Mastodon.Social/with_replies', 'jane@mastodon.social'],
      ['https://hachyderm.io/@jane_doe/media', 'jane_doe@hachyderm.io'],
      ['https://mastodon.social/@jane?lang=ar', 'jane@mastodon.social'],
    ],
    notProfile: [
      'https://mastodon.social/',
      'https://mastodon.social/home',
      'https://mastodon.social/explore',
      'https://mastodon.social/@jane/112233445566778899',
      'https://mastodon.social/@jane/112233445566778899/reblogs',
      'https://mastodon.social/@',
      'https://mastodon.social/@jane@',
      'https://mastodon.social/users/jane',
      'https://mastodon.social/tags/trust',
      'https://mastodon.social/@jane/followers',
    ],
  },
} as const satisfies SiteDescriptor;
