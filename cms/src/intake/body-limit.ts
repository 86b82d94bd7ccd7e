import { INTAKE_MAX_BYTES, INTAKE_PREFIX } from '@newsroom/shared-types';

/** Every spelling of a path the router would take for an intake path: case, percent-encoding and repeated slashes. */
export function isIntakePath(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is compared as it came.
  }
  return decoded
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .startsWith(INTAKE_PREFIX);
}

type Ctx = {
  path: string;
  method: string;
  get(name: string): string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

/**
 * Runs before Strapi's body parser, whose limits suit the editors' media library, not the
 * public: an intake body over INTAKE_MAX_BYTES is refused with 413 before it is read, and
 * one whose length is not declared with 411, so no upload can run on unbounded.
 */
export const intakeBodyLimit = () => async (ctx: Ctx, next: () => Promise<void>) => {
  if (ctx.method === 'POST' && isIntakePath(ctx.path)) {
    const length = ctx.get('content-length');
    if (!length) {
      ctx.status = 411;
      ctx.body = { error: 'Length Required' };
      return;
    }
    if (Number(length) > INTAKE_MAX_BYTES) {
      ctx.status = 413;
      ctx.body = { error: 'Payload Too Large' };
      ctx.set('Connection', 'close');
      return;
    }
  }
  await next();
};
