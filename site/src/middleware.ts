import { defineMiddleware } from 'astro:middleware';
import { readingFor, type PageReads } from './lib/reads';
import { noteReads } from './lib/incremental';
import { buildSession } from './lib/build-session';

/** Every page and endpoint renders noting what it reads (lib/reads.ts), for the next build. */
export const onRequest = defineMiddleware(async (context, next) => {
  const page: PageReads = { reads: new Map() };
  // Only a build that indexes pages as they render needs them in the order they started.
  const turn = buildSession().pageRendered ? buildSession().renderTurns.take() : undefined;
  let body: { bytes: ArrayBuffer; rendered: Response };
  try {
    body = await readingFor(page, async () => {
      const rendered = await next();
      // Astro renders a page's body as it is read: read it here, so that every query it asks is the page's.
      return { bytes: await rendered.arrayBuffer(), rendered };
    });
  } catch (error) {
    await turn?.(() => undefined);
    throw error;
  }
  noteReads(context.url.pathname, page.reads);
  await turn?.(() => buildSession().pageRendered?.(context.url.pathname, Buffer.from(body.bytes)));
  return new Response(body.bytes, body.rendered);
});
