// Draws one heading and marks the page ready, with the mark names Trust Notes' pages use, at the moment
// Preact runs their effects (after the frame that shows the render), so the two are timed alike.
const heading = document.createElement('h1');
heading.textContent = 'Baseline';
document.getElementById('app').append(heading);
requestAnimationFrame(() =>
  setTimeout(() => {
    performance.mark('trust-notes:interactive');
    performance.mark('trust-notes:first-render');
  }),
);
