// The bench's floor for the popup (copied next to the built extension, so it reads the same database): the
// popup's own early read (popup-startup.js: open the database, the newest open flags and latest shared
// work with their people, the settings), then the names as plain text, with no framework, no components
// and no styles. The mark is set as the baseline page and Preact's effects set theirs: after the frame
// that shows it.
if (!globalThis.trustNotesPopupStartup) {
  // A module runs once the page has parsed; the async early script may still be loading.
  const early = document.querySelector('script[src="/popup-startup.js"]');
  await new Promise((resolve) => early.addEventListener('load', resolve, { once: true }));
}
const first = await globalThis.trustNotesPopupStartup;
if (!first) throw new Error('bench floor: the early read found no database at the current version');
const list = document.createElement('ul');
for (const { flag, person } of first.flags) {
  const item = document.createElement('li');
  item.textContent = `${person.name}: ${flag.kind}`;
  list.append(item);
}
for (const { work, person } of first.recent) {
  const item = document.createElement('li');
  item.textContent = `${person.name}: ${work.kind}`;
  list.append(item);
}
document.getElementById('app').append(list);
requestAnimationFrame(() => setTimeout(() => performance.mark('trust-notes:interactive')));
