import type { TestStrapi } from './strapi';

/** A signed-in admin user with the role of that code (null: the super admin); returns a caller with their token. */
export async function adminAs(app: TestStrapi, email: string, roleCode: string | null) {
  const roles = app.strapi.service('admin::role') as any;
  const role = roleCode ? await roles.findOne({ code: roleCode }) : await roles.getSuperAdmin();
  const password = 'Role-password-1';
  await (app.strapi.service('admin::user') as any).create({ email, firstname: email.split('@')[0], lastname: 'Test', password, isActive: true, roles: [role.id] });
  const login = await fetch(`${app.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };
}
