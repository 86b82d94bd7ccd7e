import type { Core } from '@strapi/strapi';
import { OFFICE_TIME_ZONE } from '@newsroom/shared-types';
import { runAccreditationExpiry } from './expiry';

/** Every hour, office time: an accreditation lapses within the hour after its last valid day. */
export const accreditationCronTasks = () => ({
  newsroomAccreditationExpiry: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await runAccreditationExpiry(strapi);
      } catch (error) {
        strapi.log.error(`Ending expired accreditations failed: ${(error as Error).stack ?? error}`);
      }
    },
    options: { rule: '0 5 * * * *', tz: OFFICE_TIME_ZONE },
  },
});
