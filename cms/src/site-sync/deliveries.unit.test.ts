import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, FORMS, type FormKind } from '@newsroom/shared-types';
import { withoutPersonalData } from './deliveries';

describe('a webhook about what the public sent', () => {
  it('carries only the documentId, for every kind of form, an accreditation included', () => {
    for (const kind of Object.keys(FORMS) as FormKind[]) {
      const info = {
        uid: CONTENT_TYPES[kind].uid,
        entry: { documentId: 'abc', name: 'Jelena Petrović', email: 'jelena@example.org', locale: 'sq' },
      };
      expect(withoutPersonalData(info), kind).toEqual({ uid: CONTENT_TYPES[kind].uid, entry: { documentId: 'abc' } });
    }
  });

  it('leaves what the office publishes as it is', () => {
    const info = { uid: CONTENT_TYPES.release.uid, entry: { documentId: 'abc', locale: 'en', title: 'Budget' } };
    expect(withoutPersonalData(info)).toEqual(info);
  });
});
