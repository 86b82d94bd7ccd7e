import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::person.populate'] };

export default factories.createCoreRouter('api::person.person', { config: { find: read, findOne: read } });
