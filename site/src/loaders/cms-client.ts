/**
 * Reads Strapi's public REST API. Every failure is an error that names the URL, so a
 * build against a CMS that is down or broken fails loudly instead of publishing a
 * partial site.
 */
export const PAGE_SIZE = 100; // Strapi's rest.maxLimit

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageCount: number; total: number } };
}

/** Network errors worth one more try: a kept-alive connection the server closed as we reused it. */
const TRANSIENT = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

async function request(url: string, fetchImpl: typeof fetch, attempt = 1): Promise<Response> {
  try {
    return await fetchImpl(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    if (TRANSIENT.has(cause) && attempt < 3) return request(url, fetchImpl, attempt + 1);
    throw new Error(`Could not reach the CMS at ${url} (${cause}). Is it running, and is CMS_URL right?`);
  }
}

export async function getJson<T>(url: string, fetchImpl: typeof fetch = fetch): Promise<T> {
  const res = await request(url, fetchImpl);
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: keep the raw start of the answer
    }
    throw new Error(`The CMS answered ${res.status} for ${url}: ${message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`The CMS answered ${url} with something that is not JSON: ${text.slice(0, 120)}`);
  }
}

/** All pages of a collection query; `query` is appended to each page's URL. */
export async function getAll<T>(
  base: string,
  path: string,
  query: URLSearchParams,
  fetchImpl: typeof fetch = fetch,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const q = new URLSearchParams(query);
    q.set('pagination[page]', String(page));
    q.set('pagination[pageSize]', String(PAGE_SIZE));
    const body = await getJson<Page<T>>(`${base}${path}?${q}`, fetchImpl);
    items.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return items;
  }
}
