import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::agenda-item.populate'] };

export default factories.createCoreRouter('api::agenda-item.agenda-item', { config: { find: read, findOne: read } });
