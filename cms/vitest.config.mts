import { defineConfig } from 'vitest/config';
import { browserProject, strapiProject, unitProject } from '../vitest.projects.mts';

export default defineConfig({ test: { projects: [unitProject('cms'), strapiProject('cms'), browserProject('cms')] } });
