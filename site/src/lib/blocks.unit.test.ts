import { describe, expect, it } from 'vitest';
import type { Blocks } from '@newsroom/shared-types';
import { blocksToText, escapeHtml, renderBlocks, safeUrl } from './blocks';

const text = (t: string, marks: Record<string, boolean> = {}) => ({ type: 'text' as const, text: t, ...marks });

describe('the blocks renderer', () => {
  it('escapes every text, so pasted markup stays text', () => {
    const html = renderBlocks([{ type: 'paragraph', children: [text('<script>alert("x")</script> & <b>')] }]);
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;</p>');
  });

  it('renders marks, links, headings one level down, quotes, code and lists', () => {
    const blocks: Blocks = [
      { type: 'heading', level: 1, children: [text('Title')] },
      { type: 'heading', level: 3, children: [text('Sub')] },
      {
        type: 'paragraph',
        children: [
          text('bold', { bold: true }),
          text(' and '),
          text('it', { italic: true }),
          { type: 'link', url: 'https://gov.example/x?a=1&b=2', children: [text('link')] },
        ],
      },
      { type: 'quote', children: [text('Quoted')] },
      { type: 'code', children: [text('a < b')] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list-item', children: [text('two')] },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [{ type: 'list-item', children: [text('x', { strikethrough: true, underline: true, code: true })] }],
      },
    ];
    expect(renderBlocks(blocks).split('\n')).toEqual([
      '<h2>Title</h2>',
      '<h4>Sub</h4>',
      '<p><strong>bold</strong> and <em>it</em><a href="https://gov.example/x?a=1&amp;b=2">link</a></p>',
      '<blockquote><p>Quoted</p></blockquote>',
      '<pre><code>a &lt; b</code></pre>',
      '<ol><li>one</li><li>two</li></ol>',
      '<ul><li><s><u><code>x</code></u></s></li></ul>',
    ]);
  });

  it('drops links to javascript: and other unsafe targets but keeps their text', () => {
    const html = renderBlocks([
      { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [text('click')] }] },
    ]);
    expect(html).toBe('<p>click</p>');
    expect(safeUrl(' //evil.example')).toBeNull();
    expect(safeUrl('/sq/komunikata/')).toBe('/sq/komunikata/');
    expect(safeUrl('mailto:press@gov.example')).toBe('mailto:press@gov.example');
  });

  it('renders images with alt text, size and caption, from the site’s copy', () => {
    const html = renderBlocks([
      {
        type: 'image',
        image: {
          url: '/uploads/a.jpg',
          publicUrl: '/media/0123456789abcdef/a.jpg',
          alternativeText: 'A "minister"',
          width: 800,
          height: 600,
          caption: 'Caption',
        },
        children: [],
      },
    ]);
    expect(html).toBe(
      '<figure><img src="/media/0123456789abcdef/a.jpg" alt="A &quot;minister&quot;" width="800" height="600" loading="lazy" decoding="async"><figcaption>Caption</figcaption></figure>',
    );
  });

  it('renders nothing for unknown blocks or no blocks', () => {
    expect(renderBlocks([{ type: 'embed', children: [] } as never])).toBe('');
    expect(renderBlocks(null)).toBe('');
  });

  it('turns blocks into plain text', () => {
    expect(
      blocksToText([
        { type: 'paragraph', children: [text('Hello '), { type: 'link', url: '/x', children: [text('world')] }] },
      ]),
    ).toBe('Hello world');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});
