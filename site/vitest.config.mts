import { defineConfig } from 'vitest/config';
import { browserProject, strapiProject, unitProject } from '../vitest.projects.mts';

export default defineConfig({
  test: { projects: [unitProject('site'), strapiProject('site'), browserProject('site')] },
});
