import { defaultPopulate, editorial, tagSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({
  documents: true,
  relatedDecisions: { fields: ['title', 'slug', 'number', 'adoptedOn', 'legalStatus'] },
  tags: tagSummary,
  ...editorial,
});
