import { errors } from '@strapi/utils';

/**
 * The public's query, rewritten so that no part of it can see a row the public may not
 * read: a draft, or an item under embargo. A relation is a way into another table, so
 * every filter, sort and populate that crosses one is checked against the target's rules,
 * at any depth and under `$and`, `$or` and `$not`.
 */

type Populate = string | string[] | boolean | Record<string, unknown> | undefined;
export type Params = { filters?: unknown; populate?: Populate; sort?: unknown; [k: string]: unknown };
type Attribute = { type: string; target?: string; component?: string; private?: boolean };

/** What the guard needs to know about the content model. */
export interface PublicModel {
  attributes(uid: string): Record<string, Attribute>;
  draftAndPublish(uid: string): boolean;
  embargoed(uid: string): boolean;
}

const LOGICAL = new Set(['$and', '$or', '$not']);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Entries whose embargo is over or never was. */
export const liftedBy = (now: Date) => ({
  $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: now.toISOString() } }],
});

/** The conditions a row of `uid` meets when the public may see it. */
export function visibleRows(model: PublicModel, uid: string, now: Date): Record<string, unknown>[] {
  const conditions: Record<string, unknown>[] = [];
  if (model.draftAndPublish(uid)) conditions.push({ publishedAt: { $notNull: true } });
  if (model.embargoed(uid)) conditions.push(liftedBy(now));
  return conditions;
}

const withConditions = (filters: unknown, conditions: Record<string, unknown>[]) =>
  conditions.length === 0 ? filters : { $and: [...(filters === undefined ? [] : [filters]), ...conditions] };

/** Filters of `uid`, with every relation they cross limited to the rows the public may see. */
export function guardFilters(model: PublicModel, uid: string, filters: unknown, now: Date): unknown {
  if (Array.isArray(filters)) return filters.map((f) => guardFilters(model, uid, f, now));
  if (!isObject(filters)) return filters;
  const attributes = model.attributes(uid);
  const guarded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const attribute = attributes[key];
    if (LOGICAL.has(key)) guarded[key] = guardFilters(model, uid, value, now);
    else if (attribute?.type === 'relation' && attribute.target)
      guarded[key] = guardRelationFilter(model, key, attribute.target, value, now);
    else if (attribute?.type === 'component' && attribute.component)
      guarded[key] = guardFilters(model, attribute.component, value, now);
    else guarded[key] = value;
  }
  return guarded;
}

function guardRelationFilter(model: PublicModel, name: string, target: string, value: unknown, now: Date) {
  // An operator on the relation itself (`[people][$null]`) asks whether any row is linked,
  // hidden ones included; only conditions on the linked rows' fields can be limited to the visible ones.
  if (!isObject(value) || Object.keys(value).some((k) => k.startsWith('$') && !LOGICAL.has(k))) {
    throw new errors.ValidationError(
      `Filter "${name}" by a field of the linked item, e.g. filters[${name}][documentId][$eq]=…`,
    );
  }
  return withConditions(guardFilters(model, target, value, now), visibleRows(model, target, now));
}

/** Every path a sort names, in any of the forms Strapi accepts (`a.b:asc`, arrays, objects). */
function sortPaths(sort: unknown, prefix: string[] = []): string[][] {
  if (typeof sort === 'string') return sort.split(',').map((s) => [...prefix, ...s.trim().split(':')[0].split('.')]);
  if (Array.isArray(sort)) return sort.flatMap((s) => sortPaths(s, prefix));
  if (isObject(sort))
    return Object.entries(sort).flatMap(([k, v]) => (isObject(v) ? sortPaths(v, [...prefix, k]) : [[...prefix, k]]));
  return [];
}

/** Sorting by a linked item's field orders the list by rows the public may not see: refused. */
export function guardSort(model: PublicModel, uid: string, sort: unknown): void {
  for (const path of sortPaths(sort)) {
    let attributes = model.attributes(uid);
    for (const name of path.slice(0, -1)) {
      const attribute = attributes[name];
      if (attribute?.type === 'relation')
        throw new errors.ValidationError(`Sorting by a field of a linked item ("${path.join('.')}") is not available`);
      attributes = attribute?.type === 'component' && attribute.component ? model.attributes(attribute.component) : {};
    }
  }
}

/** Every populate form Strapi accepts (`*`, `a,b`, arrays, objects), as an object. */
function asObject(model: PublicModel, uid: string, populate: Populate): Record<string, unknown> {
  if (populate === undefined || populate === false) return {};
  if (populate === '*' || populate === true) {
    const populatable = Object.entries(model.attributes(uid)).filter(
      ([, a]) =>
        ['relation', 'media', 'component', 'dynamiczone'].includes(a.type) &&
        !a.private &&
        !a.target?.startsWith('admin::'),
    );
    return Object.fromEntries(populatable.map(([n]) => [n, true]));
  }
  if (typeof populate === 'string') return Object.fromEntries(populate.split(',').map((n) => [n.trim(), true]));
  if (Array.isArray(populate)) return Object.fromEntries(populate.map((n) => [n, true]));
  return { ...populate };
}

/**
 * Populated relations limited to what the public may see (Strapi already leaves drafts out
 * of a published entry's relations; embargo is ours), with their own filters and sorts
 * guarded, at any depth.
 */
export function guardPopulate(model: PublicModel, uid: string, populate: Populate, now: Date): Populate {
  if (populate === undefined) return populate;
  const attributes = model.attributes(uid);
  const object = asObject(model, uid, populate);
  let changed = false;
  for (const [name, value] of Object.entries(object)) {
    const target = attributes[name]?.type === 'relation' ? attributes[name].target : undefined;
    if (!target || (!model.embargoed(target) && !isObject(value))) continue;
    const nested: Params = isObject(value) ? { ...value } : {};
    if (nested.populate !== undefined) nested.populate = guardPopulate(model, target, nested.populate, now);
    if (nested.sort !== undefined) guardSort(model, target, nested.sort);
    const filters = nested.filters === undefined ? undefined : guardFilters(model, target, nested.filters, now);
    const conditions = model.embargoed(target) ? [liftedBy(now)] : [];
    if (filters !== undefined || conditions.length > 0) nested.filters = withConditions(filters, conditions);
    object[name] = nested;
    changed = true;
  }
  // Left as asked unless a relation needed guarding, so `*` keeps Strapi's own meaning.
  return changed ? object : populate;
}

/** A content-API read of `uid`: published only, out of embargo, and every relation it crosses guarded. */
export function guardParams(model: PublicModel, uid: string, params: Params, now: Date): Params {
  const guarded: Params = { ...params };
  if (model.draftAndPublish(uid)) guarded.status = 'published';
  if (guarded.sort !== undefined) guardSort(model, uid, guarded.sort);
  const filters = guarded.filters === undefined ? undefined : guardFilters(model, uid, guarded.filters, now);
  const conditions = model.embargoed(uid) ? [liftedBy(now)] : [];
  if (filters !== undefined || conditions.length > 0) guarded.filters = withConditions(filters, conditions);
  if (guarded.populate !== undefined) guarded.populate = guardPopulate(model, uid, guarded.populate, now);
  return guarded;
}
