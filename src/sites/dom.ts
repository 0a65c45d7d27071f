// The page's DOM as the content script sees it, through prototypes captured when the script starts. The page and
// the script share one DOM, and named elements shadow what the script looks up: `<img name="querySelector">` makes
// `document.querySelector` that image, `<form id="browser">` makes `globalThis.browser` that form, an
// `<input name="tagName">` inside a form shadows `form.tagName`. The page cannot change these prototypes (the
// content script's world has its own), so methods and properties read through them are the real ones.

/**
 * What `name` is on `target`'s prototypes (a getter's value, or a method bound to it): never an own property, so
 * never a named element or form control standing in for it. Found once per prototype.
 */
const found = new WeakMap<object, Map<PropertyKey, PropertyDescriptor | null>>();

function describe(proto: object, key: PropertyKey): PropertyDescriptor | null {
  let byKey = found.get(proto);
  if (!byKey) {
    byKey = new Map();
    found.set(proto, byKey);
  }
  if (!byKey.has(key)) {
    let descriptor: PropertyDescriptor | null = null;
    for (let p: object | null = proto; p && !descriptor; p = Object.getPrototypeOf(p)) {
      descriptor = Object.getOwnPropertyDescriptor(p, key) ?? null;
    }
    byKey.set(key, descriptor);
  }
  return byKey.get(key) ?? null;
}

function read<T>(target: object, key: PropertyKey): T {
  const descriptor = describe(Object.getPrototypeOf(target), key);
  return (descriptor?.get ? descriptor.get.call(target) : descriptor?.value) as T;
}

function call<T>(target: object, key: PropertyKey, ...args: unknown[]): T {
  const method = describe(Object.getPrototypeOf(target), key)?.value as (...a: unknown[]) => T;
  return method.apply(target, args);
}

/** The real DOM of a node, whatever its named children or the page's named elements shadow. */
export const dom = {
  nodeType: (node: Node): number => read(node, 'nodeType'),
  nodeValue: (node: Node): string | null => read(node, 'nodeValue'),
  childNodes: (node: Node): NodeListOf<ChildNode> => read(node, 'childNodes'),
  textContent: (node: Node): string => read<string | null>(node, 'textContent') ?? '',
  tagName: (el: Element): string => read(el, 'tagName'),
  attr: (el: Element, name: string): string | null => call(el, 'getAttribute', name),
  matches: (el: Element, selector: string): boolean => call(el, 'matches', selector),
  query: (root: ParentNode, selector: string): Element | null => call(root, 'querySelector', selector),
  queryAll: (root: ParentNode, selector: string): Element[] =>
    Array.from(call<NodeListOf<Element>>(root, 'querySelectorAll', selector)),
  treeWalker(root: Node, show: number): TreeWalker {
    const doc = read<number>(root, 'nodeType') === 9 ? root : read<Document>(root, 'ownerDocument');
    return call(doc, 'createTreeWalker', root, show);
  },
};

/**
 * `doc` as seen through its prototypes: every property and method the page's named elements could shadow
 * (`querySelector`, `body`, `documentElement`, `title`, `createElement`, `addEventListener`...) is read from
 * Document.prototype and its ancestors, bound to the real document. What the prototypes do not have is undefined:
 * a named element never shows through.
 */
export function unshadowed(doc: Document): Document {
  const proto = Object.getPrototypeOf(doc) as object;
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(doc, {
    get(target, key) {
      const descriptor = describe(proto, key);
      if (!descriptor) return undefined;
      if (descriptor.get) return descriptor.get.call(target);
      if (typeof descriptor.value !== 'function') return descriptor.value;
      if (!bound.has(key)) bound.set(key, (descriptor.value as (...args: unknown[]) => unknown).bind(target));
      return bound.get(key);
    },
    set(target, key, value) {
      const set = describe(proto, key)?.set;
      if (!set) return false;
      set.call(target, value);
      return true;
    },
  });
}
