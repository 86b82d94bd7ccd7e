import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::retired-page.retired-page');
