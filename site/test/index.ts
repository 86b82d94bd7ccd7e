/** What the other workspaces' tests use from the site, imported as `@newsroom/site/testing`. */
export { buildSite } from './build-site';
