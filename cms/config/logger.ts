import { winston, formats } from '@strapi/logger';
import { loadEnv } from '../src/env';

/**
 * Everything at LOG_LEVEL and more severe (default `info`: errors, warnings, what the office's
 * code reports; each request's line only with `http`). No level filter in the format: Strapi's
 * `levelFilter` keeps only the level named, which would hide every error.
 */
export default () => ({
  transports: [
    new winston.transports.Console({
      level: loadEnv().LOG_LEVEL,
      format: winston.format.combine(formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
});
