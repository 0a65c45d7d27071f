// The page's document as the content script uses it, taken when the script starts: seen through its prototypes
// (sites/dom.ts), so that `<img name="querySelector">` or `<form name="body">` cannot stand in for the real
// `document.querySelector` or `document.body`.
import { unshadowed } from '../sites/dom.ts';

export const page: Document = unshadowed(document);
