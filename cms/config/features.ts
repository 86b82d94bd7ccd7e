/**
 * The Media Library as Strapi 5 now has it, chosen, not inherited: without the flag Strapi
 * notes in its store, on the second start of every installation, that the library changed.
 */
export default {
  useLegacyMediaLibrary: false,
};
