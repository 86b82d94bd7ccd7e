import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { ensureDemoUsers } from './demo-users';
import { ROLES } from './roles';

let app: TestStrapi;
const PASSWORD = 'Demo-password-1A';

beforeAll(async () => {
  app = await startStrapi({ listen: true });
});

afterAll(async () => {
  await app?.stop();
});

const signIn = async (email: string) => {
  const res = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.status === 200 ? ((await res.json()) as { data: { user: { email: string } } }).data : null;
};

describe('the demo logins', () => {
  it('are made only on a demo installation', async () => {
    await ensureDemoUsers(app.strapi, { SEED_DEMO: false, ADMIN_PASSWORD: PASSWORD });
    expect(await signIn(DEMO_LOGINS[0].email)).toBeNull();
  });

  it("give one login per office role, with the administrator's password, made once", async () => {
    await ensureDemoUsers(app.strapi, { SEED_DEMO: true, ADMIN_PASSWORD: PASSWORD });
    await ensureDemoUsers(app.strapi, { SEED_DEMO: true, ADMIN_PASSWORD: 'Another-password-1A' });
    for (const login of DEMO_LOGINS) {
      expect(await signIn(login.email), login.email).not.toBeNull();
      const user = (await app.strapi.db
        .query('admin::user')
        .findOne({ where: { email: login.email }, populate: ['roles'] })) as { roles: Array<{ code: string }> };
      expect(user.roles.map((r) => r.code)).toEqual([ROLES[login.role].code]);
    }
    expect(
      await app.strapi.db.query('admin::user').count({ where: { email: { $in: DEMO_LOGINS.map((l) => l.email) } } }),
    ).toBe(DEMO_LOGINS.length);
  });
});
