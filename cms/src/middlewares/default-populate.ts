/**
 * A route middleware giving a type's find/findOne the populate its pages need, so the
 * site never builds deep populate queries itself. An explicit `populate` wins, and so
 * does `fields`: a caller asking for a few fields (the site's list of what changed) wants
 * nothing more.
 */
export function defaultPopulate(populate: Record<string, unknown>) {
  return () => async (ctx: { query: Record<string, unknown> }, next: () => Promise<void>) => {
    if (ctx.query.populate === undefined && ctx.query.fields === undefined) ctx.query = { ...ctx.query, populate };
    await next();
  };
}

export const personSummary = { fields: ['name', 'slug', 'role', 'kind'], populate: { portrait: true } };
export const tagSummary = { fields: ['name', 'slug'] };
export const editorial = { changeNotes: true, withdrawal: true };
