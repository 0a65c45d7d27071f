// Floor for an in-page extension frame: on a LinkedIn profile, once the name is there, mount host > closed shadow
// root > iframe of an empty extension page, and give it a size when it has loaded. No detection registry, no
// messaging, no database, no UI framework: what any extension-origin panel costs before it does anything.
let href = '';
let host = null;
new MutationObserver(() => {
  if (location.href !== href) {
    href = location.href;
    host?.remove();
    host = null;
  }
  if (host || !/^\/in\/[^/]+/.test(location.pathname) || !document.querySelector('h1')) return;
  host = document.createElement('div');
  host.setAttribute('data-floor-host', '');
  host.style.cssText = 'all:initial;position:fixed;bottom:16px;right:16px;display:block';
  const frame = document.createElement('iframe');
  frame.style.cssText = 'all:initial;display:block;width:0;height:0;border:0';
  frame.addEventListener('load', () => {
    frame.style.width = '120px';
    frame.style.height = '32px';
  });
  frame.src = chrome.runtime.getURL('frame.html');
  host.attachShadow({ mode: 'closed' }).append(frame);
  document.documentElement.append(host);
}).observe(document.documentElement, { childList: true, subtree: true });
