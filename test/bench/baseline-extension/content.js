// Baseline content script: on a LinkedIn profile, once the name is there, append one div. No
// detection registry, no shadow root, no messaging: the floor Trust Notes is compared with.
let href = '';
let div = null;
new MutationObserver(() => {
  if (location.href !== href) {
    href = location.href;
    div?.remove();
    div = null;
  }
  if (div || !/^\/in\/[^/]+/.test(location.pathname) || !document.querySelector('h1')) return;
  div = document.createElement('div');
  div.setAttribute('data-baseline-host', '');
  document.documentElement.append(div);
}).observe(document.documentElement, { childList: true, subtree: true });
