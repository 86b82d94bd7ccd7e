export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::published-only',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // Uploads have content-hashed names, so they never change under one URL: a long cache lets
  // the site build reuse its processed images instead of re-encoding them every build.
  { name: 'strapi::public', config: { maxAge: 365 * 24 * 60 * 60 * 1000 } },
];
