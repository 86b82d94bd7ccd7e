import { loadEnv } from '../src/env';
import { corsConfig, securityConfig } from '../src/security/cross-origin';

export default () => [
  'strapi::logger',
  'strapi::errors',
  { name: 'strapi::security', config: securityConfig },
  { name: 'strapi::cors', config: corsConfig(loadEnv()) },
  'strapi::query',
  'global::intake-body-limit',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
