import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::page.populate'] };

export default factories.createCoreRouter('api::page.page', { config: { find: read, findOne: read } });
