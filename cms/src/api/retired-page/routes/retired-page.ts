import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::retired-page.retired-page');
