import { defaultPopulate, editorial, personSummary } from '../../../middlewares/default-populate';

export default defaultPopulate({ people: personSummary, ...editorial });
