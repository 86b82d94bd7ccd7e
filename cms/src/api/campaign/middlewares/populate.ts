import { defaultPopulate, editorial, tagSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({
  hero: true,
  body: {
    on: {
      'blocks.text': true,
      'blocks.image': { populate: { image: true } },
      'blocks.video': { populate: { file: true } },
      'blocks.facts': { populate: { facts: true } },
      'blocks.faq': { populate: { questions: true } },
      'blocks.call-to-action': true,
    },
  },
  relatedReleases: { fields: ['title', 'slug', 'issuedAt', 'summary'] },
  tags: tagSummary,
  ...editorial,
});
