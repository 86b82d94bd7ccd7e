/**
 * A route middleware giving a type's find/findOne the populate its pages need, so the
 * site never builds deep populate queries itself. An explicit `populate` wins.
 */
export function defaultPopulate(populate: Record<string, unknown>) {
  return () =>
    async (ctx: { query: Record<string, unknown> }, next: () => Promise<void>) => {
      if (ctx.query.populate === undefined) ctx.query = { ...ctx.query, populate };
      await next();
    };
}

export const personSummary = { fields: ['name', 'slug', 'role', 'kind'], populate: { portrait: true } };
export const tagSummary = { fields: ['name', 'slug'] };
export const editorial = { changeNotes: true, withdrawal: true };
