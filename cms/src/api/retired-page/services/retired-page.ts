import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::retired-page.retired-page');
