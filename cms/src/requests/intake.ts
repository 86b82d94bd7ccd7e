/** How a request's history records its arrival through the public form (the admin reads it too). */
export const INTAKE = { action: 'receive', actor: 'public' } as const;
