import { defaultPopulate, editorial, personSummary, tagSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({
  leadImage: true,
  gallery: true,
  attachments: true,
  people: personSummary,
  tags: tagSummary,
  ...editorial,
});
