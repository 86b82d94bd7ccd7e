/**
 * Turns taken in one order and served in that order. A page takes its turn as it starts
 * rendering (src/middleware.ts) and hands over what it rendered in it: pages render two at
 * a time (astro.config.ts), and Pagefind numbers a bundle's pages in the order they come
 * (integrations/search-stream.ts). Every turn taken must be served, or the later ones wait.
 */
export function turns() {
  let last: Promise<void> = Promise.resolve();
  return {
    take() {
      const previous = last;
      let served!: () => void;
      last = new Promise<void>((resolve) => (served = resolve));
      return async <T>(call: () => T): Promise<T> => {
        await previous;
        try {
          return call();
        } finally {
          served();
        }
      };
    },
  };
}
