import { defaultPopulate, editorial, personSummary, tagSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({ person: personSummary, tags: tagSummary, ...editorial });
