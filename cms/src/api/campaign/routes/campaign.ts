import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::campaign.populate'] };

export default factories.createCoreRouter('api::campaign.campaign', { config: { find: read, findOne: read } });
