import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::speech.populate'] };

export default factories.createCoreRouter('api::speech.speech', { config: { find: read, findOne: read } });
