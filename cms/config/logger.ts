import { winston, formats } from '@strapi/logger';
import { loadEnv } from '../src/env';

export default () => ({
  transports: [
    new winston.transports.Console({
      level: loadEnv().LOG_LEVEL,
      format: winston.format.combine(formats.levelFilter(loadEnv().LOG_LEVEL), formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
});
