import type { BlockNode, Blocks, InlineNode, ListItemNode } from '@newsroom/shared-types';
import { mediaUrl } from './media';

/**
 * Renders Strapi "blocks" rich text to HTML. Every text is escaped, only known node types
 * render, and links keep only http(s), mailto, tel and site-relative targets: an editor
 * cannot inject markup or scripts, whatever they paste.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed) || /^\/(?!\/)/.test(trimmed) || trimmed.startsWith('#')) return trimmed;
  return null;
}

function renderInline(node: InlineNode): string {
  if (node.type === 'link') {
    const inner = node.children.map(renderInline).join('');
    const href = safeUrl(node.url);
    return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
  }
  if (node.type !== 'text') return '';
  let html = escapeHtml(node.text).replace(/\n/g, '<br>');
  if (node.code) html = `<code>${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
}

const inlines = (children: InlineNode[] = []) => children.map(renderInline).join('');

function renderListItem(item: ListItemNode | BlockNode): string {
  if (item.type === 'list') return renderBlock(item);
  if (item.type !== 'list-item') return '';
  return `<li>${item.children.map((c) => ((c as unknown as BlockNode).type === 'list' ? renderBlock(c as unknown as BlockNode) : renderInline(c))).join('')}</li>`;
}

/** Headings start at h2: the page's title is its only h1. */
function renderBlock(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlines(block.children)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level + 1));
      return `<h${level}>${inlines(block.children)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${inlines(block.children)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${block.children.map((c) => (c.type === 'text' ? escapeHtml(c.text) : '')).join('')}</code></pre>`;
    case 'list': {
      const tag = block.format === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${block.children.map((c) => renderListItem(c)).join('')}</${tag}>`;
    }
    case 'image': {
      const { url, alternativeText, width, height, caption } = block.image;
      const src = safeUrl(url);
      if (!src) return '';
      const size = width && height ? ` width="${width}" height="${height}"` : '';
      const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alternativeText ?? '')}"${size} loading="lazy" decoding="async">`;
      return `<figure>${img}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
    }
    default:
      return '';
  }
}

export function renderBlocks(blocks: Blocks | null | undefined, options: { mediaBase?: string } = {}): string {
  if (!Array.isArray(blocks)) return '';
  return blocks
    .map((block) =>
      block.type === 'image'
        ? { ...block, image: { ...block.image, url: mediaUrl(block.image, options.mediaBase) } }
        : block,
    )
    .map(renderBlock)
    .join('\n');
}

/** Plain text of blocks, for descriptions and search. */
export function blocksToText(blocks: Blocks | null | undefined): string {
  if (!Array.isArray(blocks)) return '';
  const walk = (n: unknown): string => {
    const node = n as { type?: string; text?: string; children?: unknown[] };
    if (node.type === 'text') return node.text ?? '';
    return (node.children ?? []).map(walk).join(node.type === 'list' ? ' ' : '');
  };
  return blocks.map(walk).join('\n').trim();
}
