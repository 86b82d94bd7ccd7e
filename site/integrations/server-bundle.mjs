/**
 * The server bundle is the page code the build runs once and deletes: nothing of it is
 * published. Rollup's tree-shaking of it takes about a second of every build, a publish's
 * included, and saves nothing anyone downloads. The browser's bundle is shaken as ever.
 */
export function unshakenServerBundle() {
  return {
    name: 'newsroom-server-bundle',
    hooks: {
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'server') return;
        vite.build ??= {};
        vite.build.rollupOptions = { ...vite.build.rollupOptions, treeshake: false };
      },
    },
  };
}
