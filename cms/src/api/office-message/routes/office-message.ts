import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::office-message.office-message');
