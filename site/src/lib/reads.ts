import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { perBuild } from './build-scope';

/**
 * What each page read while it rendered. Every content query is `recorded`: called while a
 * page renders (src/middleware.ts runs each page in a `PageReads`), it notes its key and the
 * digest of its answer. The next build asks each noted query again and renders exactly the
 * pages whose answers changed (src/lib/incremental.ts): no rule says which pages show what.
 */
export interface PageReads {
  /** Query key → digest of the answer this page was given. */
  reads: Map<string, string>;
  /** Inside a query: the queries it asks are part of its answer, not reads of the page. */
  inside?: boolean;
}

const current = new AsyncLocalStorage<PageReads>();

/** Renders a page (or an endpoint's response) noting what it reads. */
export function readingFor<T>(page: PageReads, render: () => Promise<T>): Promise<T> {
  return current.run(page, render);
}

type Query = (...args: never[]) => unknown;
const QUERIES = new Map<string, Query>();

/**
 * What a query's answer depends on, when that is narrower than the content type it reads:
 * `documents`, the argument holding the documentId (or documentIds) it selects. Its answer
 * can then only change when one of those documents changed.
 */
export interface QueryScope {
  documents?: number;
}
const SCOPES = new Map<string, QueryScope>();

/** A query's key: its name and arguments, which must be JSON (types, locales, ids, numbers). */
const keyOf = (name: string, args: readonly unknown[]) => JSON.stringify([name, ...args]);

/**
 * A content query whose answers pages depend on. Answers are kept for the build (pages ask
 * the same questions thousands of times) and shared: do not mutate them.
 */
export function recorded<A extends Array<string | number | string[]>, R>(
  name: string,
  query: (...args: A) => Promise<R>,
  scope: QueryScope = {},
): (...args: A) => Promise<R> {
  if (QUERIES.has(name)) throw new Error(`Two content queries are named ${name}.`);
  QUERIES.set(name, query);
  SCOPES.set(name, scope);
  return async (...args: A) => {
    const key = keyOf(name, args);
    const page = current.getStore();
    const answer = perBuild(`query:${key}`, () =>
      page ? current.run({ ...page, inside: true }, () => query(...args)) : query(...args),
    );
    if (page && !page.inside) page.reads.set(key, digestOf(await answer));
    return answer;
  };
}

/** Asks a recorded query again by its key (the next build's check); the digest of its answer. */
export async function answerDigest(key: string): Promise<string> {
  const [name, ...args] = JSON.parse(key) as [string, ...never[]];
  const query = QUERIES.get(name);
  if (!query) throw new Error(`No content query is named ${name}: a page read through something else.`);
  return digestOf(await perBuild(`query:${key}`, () => Promise.resolve(query(...args))));
}

/** What a query key says of what it reads: the type (its first argument) and the documents it selects. */
export interface KeyScope {
  type: unknown;
  /** Null when any change of the type may change its answer. */
  documents: string[] | null;
}
/** Keys are the same strings from build to build: each is parsed once in a process. */
const scopes = new Map<string, KeyScope>();

/**
 * What a recorded query reads, by its key: the content type it is asked about and, when its
 * definition names them (`QueryScope`), the documents it selects; it answers otherwise only
 * when one of them changed.
 */
export function scopeOf(key: string): KeyScope {
  let scope = scopes.get(key);
  if (scope) return scope;
  const [name, ...args] = JSON.parse(key) as [string, ...unknown[]];
  const at = SCOPES.get(name)?.documents;
  const selected = at === undefined ? undefined : args[at];
  scope = {
    type: args[0],
    documents: at === undefined ? null : Array.isArray(selected) ? selected.map(String) : [String(selected)],
  };
  scopes.set(key, scope);
  return scope;
}

const objects = new WeakMap<object, string>();

/**
 * A digest of an answer (or a page's props): an entry (an object with a documentId) is its
 * JSON, hashed once per build however many answers hold it; lists, maps and other objects
 * are the digests of the objects they hold and the JSON of their other values.
 */
export function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return hash(part(value));
  const known = objects.get(value);
  if (known) return known;
  const digest =
    value instanceof Map
      ? hash(`M[${[...value].map(([k, v]) => `${part(k)}=${part(v)}`).join(',')}]`)
      : Array.isArray(value)
        ? hash(`A[${value.map(part).join(',')}]`)
        : typeof (value as { documentId?: unknown }).documentId === 'string'
          ? hash(JSON.stringify(value))
          : hash(
              `O{${Object.entries(value)
                .map(([k, v]) => `${JSON.stringify(k)}:${part(v)}`)
                .join(',')}}`,
            );
  objects.set(value, digest);
  return digest;
}

/** An object by its digest, anything else as JSON. */
const part = (value: unknown): string =>
  value !== null && typeof value === 'object' ? digestOf(value) : (JSON.stringify(value) ?? 'undefined');

const hash = (text: string) => createHash('sha1').update(text).digest('base64url');
