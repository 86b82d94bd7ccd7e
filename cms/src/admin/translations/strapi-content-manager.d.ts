/** The content manager's edit-view form, resolved by ../vite.config.ts. */
declare module 'strapi-content-manager:FormLayout' {
  import type { ComponentType } from 'react';
  type Field = { name: string; hint?: string; [key: string]: unknown };
  export const FormLayout: ComponentType<{ layout: Field[][][]; [prop: string]: unknown }>;
}

/** The translation plugin's query of the locales, resolved by ../vite.config.ts. */
declare module 'strapi-i18n:locales' {
  export function useGetLocalesQuery(): { data?: Array<{ code: string; name: string; isDefault: boolean }> };
}
