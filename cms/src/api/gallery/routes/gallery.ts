import { factories } from '@strapi/strapi';

const read = { middlewares: ['api::gallery.populate'] };

export default factories.createCoreRouter('api::gallery.gallery', { config: { find: read, findOne: read } });
