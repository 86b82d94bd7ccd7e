import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::release.populate'] };

export default factories.createCoreRouter('api::release.release', { config: { find: read, findOne: read } });
