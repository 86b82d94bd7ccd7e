/** What the other workspaces' tests use from the scripts, imported as `@newsroom/scripts/testing`. */
export { staticServer } from './builder/static-server';
export { SiteWorker } from './builder/site-worker';
export { siteWorkerScript } from './builder/config';
export { recordsOfSite } from './search/records';
export { Authenticity } from './authenticity/authenticate';
export { ensureSigningKeyFile, readSigningKey } from './authenticity/keys';
export { planBeside, planEnvironment, readBuildReport } from './builder/build-plan';
export { runAssembled } from './builder/assemble';
export { typesNamed } from './builder/builder';
