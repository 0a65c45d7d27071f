import { describe, expect, test } from 'vitest';
import { firstImageUrl, firstText, textOf } from '../../../src/sites/page-text.ts';
import { parseHtml } from './helpers.ts';

const body = (html: string): HTMLElement => parseHtml(html).body;
const PAGE = new URL('https://www.linkedin.com/in/jane/');

describe('textOf', () => {
  test.each([
    ['<h1>  Jane \n\t  Doe  </h1>', 'Jane Doe'],
    [
      '<h1><span aria-hidden="true">Jane Doe</span><span class="visually-hidden">Jane Doe</span></h1>',
      'Jane Doe',
    ],
    ['<h1><span class="visually-hidden">Jane Doe</span></h1>', 'Jane Doe'],
    ['<h1><span aria-hidden="true">Jane</span></h1>', 'Jane'],
    ['<h1><span class="sr-only">Name:</span> Jane</h1>', 'Jane'],
    ['<h1>Jane<script>steal()</script><style>h1{}</style><svg><title>icon</title></svg></h1>', 'Jane'],
    ['<p>Line one<br>Line two</p>', 'Line one Line two'],
    ['<section><div>One</div><div>Two</div></section>', 'One Two'],
    ['<p>&lt;b&gt;bold&lt;/b&gt;</p>', '<b>bold</b>'],
    ['<p>\u202Egnp.exe\u200B\uFEFF</p>', 'gnp.exe'],
    ['<p>e\u0301</p>', 'é'],
    ['<p>   </p>', ''],
  ])('%s -> %j', (html, text) => {
    expect(textOf(body(html).firstElementChild)).toBe(text);
  });

  test('caps very long text', () => {
    expect(textOf(body(`<p>${'ب'.repeat(5000)}</p>`).firstElementChild)).toHaveLength(500);
  });

  test('null-safe', () => {
    expect(textOf(null)).toBe('');
  });
});

test('firstText falls through selectors that match nothing or only blank text', () => {
  const root = body('<div class="a">  </div><div class="c">Found</div><div class="d">Later</div>');
  expect(firstText(root, ['.a', '.b', '.c', '.d'])).toBe('Found');
  expect(firstText(root, ['.missing'])).toBeUndefined();
});

describe('firstImageUrl', () => {
  test.each([
    ['<img src="https://media.licdn.com/p.jpg">', 'https://media.licdn.com/p.jpg'],
    ['<img src="/dms/image/p.jpg?e=1&amp;v=2">', 'https://www.linkedin.com/dms/image/p.jpg?e=1&v=2'],
    ['<a href="//cdn.example/p.png">x</a>', 'https://cdn.example/p.png'],
    ['<img src="javascript:alert(1)">', undefined],
    ['<img src="data:image/png;base64,AAAA">', undefined],
    ['<img src="blob:https://www.linkedin.com/1">', undefined],
    ['<img src="http://[bad">', undefined],
    ['<img>', undefined],
  ])('%s -> %s', (html, url) => {
    expect(firstImageUrl(body(html), ['img', 'a'], PAGE)).toBe(url);
  });

  test('falls through to the next selector when the first has no usable URL', () => {
    const root = body('<img class="a" src="javascript:x"><img class="b" src="/ok.png">');
    expect(firstImageUrl(root, ['img.a', 'img.b'], PAGE)).toBe('https://www.linkedin.com/ok.png');
  });
});
