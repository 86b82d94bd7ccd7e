import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::decision.populate'] };

export default factories.createCoreRouter('api::decision.decision', { config: { find: read, findOne: read } });
