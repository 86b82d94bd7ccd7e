import { defineConfig } from 'vitest/config';
import { unitProject } from '../vitest.projects.mts';

export default defineConfig({ test: { projects: [unitProject('shared-types')] } });
