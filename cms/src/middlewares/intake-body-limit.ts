import { intakeBodyLimit } from '../intake/body-limit';

/** Registered as `global::intake-body-limit`, before `strapi::body` (config/middlewares.ts). */
export default intakeBodyLimit;
