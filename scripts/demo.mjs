// The demo network `npm start` opens on: LinkedIn URLs mapped to pages bundled in test/fixtures.
export const DEMO_PROFILE_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';

export const DEMO_FIXTURES = {
  'https://www.linkedin.com/feed/': 'pages/linkedin-spa.html',
  'https://www.linkedin.com/in/jane-doe-1a2b3c/': 'pages/linkedin-spa.html',
  'https://www.linkedin.com/in/omar-haddad/': 'pages/linkedin-spa.html',
};
