import { defaultPopulate, editorial, personSummary, tagSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({
  items: {
    on: {
      'media.photo': { populate: { image: true } },
      'media.video': { populate: { file: true, poster: true, captionsTrack: true } },
    },
  },
  people: personSummary,
  tags: tagSummary,
  ...editorial,
});
