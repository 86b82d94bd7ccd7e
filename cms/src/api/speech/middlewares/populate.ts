import { defaultPopulate, editorial, personSummary, tagSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({ speaker: personSummary, video: true, audio: true, tags: tagSummary, ...editorial });
