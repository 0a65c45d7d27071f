// Baseline content script: on a LinkedIn profile, once the name is there, append one visible div the size of
// Trust Notes' badge. No detection registry, no shadow root, no messaging: the floor Trust Notes is compared
// with, measured the same way (from the name appearing to the div being laid out with a size).
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
  div.style.cssText =
    'all:initial;position:fixed;bottom:16px;right:16px;display:block;width:216px;height:34px';
  div.textContent = 'Baseline';
  document.documentElement.append(div);
}).observe(document.documentElement, { childList: true, subtree: true });
