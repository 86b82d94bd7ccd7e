import type { Blocks, BlockNode, InlineNode } from '@newsroom/shared-types';

/** Terse builders for Strapi blocks, so the demo texts read as text. */
type Inline = string | InlineNode;

const inline = (parts: Inline[]): InlineNode[] =>
  parts.map((x) => (typeof x === 'string' ? { type: 'text', text: x } : x));

export const p = (...parts: Inline[]): BlockNode => ({ type: 'paragraph', children: inline(parts) });
export const h = (text: string, level: 2 | 3 = 2): BlockNode => ({ type: 'heading', level, children: inline([text]) });
export const quote = (text: string): BlockNode => ({ type: 'quote', children: inline([text]) });
export const ul = (...items: string[]): BlockNode => ({
  type: 'list',
  format: 'unordered',
  children: items.map((text) => ({ type: 'list-item', children: inline([text]) })),
});
export const ol = (...items: string[]): BlockNode => ({
  ...(ul(...items) as Extract<BlockNode, { type: 'list' }>),
  format: 'ordered',
});
export const link = (url: string, text: string): InlineNode => ({
  type: 'link',
  url,
  children: [{ type: 'text', text }],
});
export const bold = (text: string): InlineNode => ({ type: 'text', text, bold: true });

/** Paragraphs from plain strings. */
export const paragraphs = (...texts: string[]): Blocks => texts.map((t) => p(t));
