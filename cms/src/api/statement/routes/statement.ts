import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::statement.populate'] };

export default factories.createCoreRouter('api::statement.statement', { config: { find: read, findOne: read } });
