import { defaultPopulate } from '../../../middlewares/default-populate';

export default defaultPopulate({ changeNotes: true });
