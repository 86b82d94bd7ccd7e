import { defaultPopulate } from '../../../middlewares/default-populate';

export default defaultPopulate({ portrait: true });
