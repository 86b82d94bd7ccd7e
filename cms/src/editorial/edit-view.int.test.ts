import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { adminAs } from '../../test/admin-users';
import { ROLES } from '../bootstrap/roles';

let app: TestStrapi;
let editor: Awaited<ReturnType<typeof adminAs>>;
const configuration = async (uid: string) =>
  (await editor('GET', `/content-manager/content-types/${uid}/configuration`)).body.data.contentType;

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  editor = await adminAs(app, 'words@example.org', ROLES.editor.code);
});

afterAll(async () => {
  await app?.stop();
});

describe('the edit views', () => {
  it("use the office's words, with a hint where a rule applies", async () => {
    const release = await configuration('api::release.release');
    expect(release.metadatas.publishAt.edit).toMatchObject({
      label: 'Publish at',
      description: expect.stringContaining('Europe/Belgrade'),
    });
    expect(release.metadatas.embargoUntil.edit.label).toBe('Embargo until');
    expect(release.metadatas.changeNotes.edit.description).toContain('A typo needs none');
    expect(release.metadatas.withdrawal.edit.description).toContain('unpublished instead');
    expect(release.metadatas.leadImageAlt.edit.label).toBe('Alt text of the lead image');
    expect((await configuration('api::speech.speech')).metadatas.publishAt.edit.label).toBe('Publish at');
  });

  it('hide what the CMS sets itself, and stay so on every start', async () => {
    const before = await configuration('api::release.release');
    expect(before.metadatas.firstPublishedAt.edit.visible).toBe(false);
    expect(before.layouts.edit.flat().map((cell: { name: string }) => cell.name)).not.toContain('firstPublishedAt');
    expect(before.layouts.edit.flat().map((cell: { name: string }) => cell.name)).toContain('title');
    await app.bootstrap();
    expect(await configuration('api::release.release')).toEqual(before);
  });
});
