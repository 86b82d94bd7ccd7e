/**
 * What the site's address answers (503) before its first build is live, in every official
 * language: the builder's server sends it, and nginx has it verbatim (a test holds them
 * together), so no reader meets a 404 during a first start. It retries by itself.
 */
export const BUILDING_RETRY_SECONDS = 10;

export const BUILDING_PAGE = [
  '<!doctype html><html lang="sq"><head><meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  `<meta http-equiv="refresh" content="${BUILDING_RETRY_SECONDS}">`,
  '<title>Faqja po ndërtohet · Sajt se gradi · The site is being built</title></head><body><main>',
  '<h1>Faqja po ndërtohet</h1><p>Kjo zgjat rreth një minutë. Faqja rifreskohet vetë.</p>',
  '<h2 lang="sr-Latn">Sajt se gradi</h2><p lang="sr-Latn">Ovo traje oko jedan minut. Stranica se sama osvežava.</p>',
  '<h2 lang="en">The site is being built</h2><p lang="en">This takes about a minute. The page reloads by itself.</p>',
  '</main></body></html>',
].join('');
