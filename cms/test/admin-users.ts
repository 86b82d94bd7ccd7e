import type { TestStrapi } from './strapi';

/** A signed-in admin user with the role of that code (null: the super admin); returns a caller with their token. */
export async function adminAs(app: TestStrapi, email: string, roleCode: string | null) {
  const roles = app.strapi.service('admin::role') as any;
  const role = roleCode ? await roles.findOne({ code: roleCode }) : await roles.getSuperAdmin();
  const password = 'Role-password-1';
  await (app.strapi.service('admin::user') as any).create({
    email,
    firstname: email.split('@')[0],
    lastname: 'Test',
    password,
    isActive: true,
    roles: [role.id],
  });
  const login = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };
}

type Page = import('playwright-core').Page;

/** Fills the admin's login form that is open with the password adminAs gives, and waits to be in. */
export async function fillAdminLogin(page: Page, email: string) {
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill('Role-password-1');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
}

/**
 * Signs in to the admin in a new page, in the interface language given (kept in the browser,
 * as Strapi keeps the choice); `watch` sees the page before anything loads.
 */
export async function signInToAdmin(
  browser: import('playwright-core').Browser,
  app: TestStrapi,
  email: string,
  options: { language?: string; watch?: (page: Page) => void } = {},
) {
  const page = await browser.newPage();
  options.watch?.(page);
  if (options.language)
    await page.addInitScript((code) => window.localStorage.setItem('strapi-admin-language', code), options.language);
  await page.goto(`${app.url}/admin/auth/login`);
  await fillAdminLogin(page, email);
  return page;
}
