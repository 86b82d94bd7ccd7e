import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::agenda-item.agenda-item');
