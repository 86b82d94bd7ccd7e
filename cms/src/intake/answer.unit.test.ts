import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@newsroom/shared-types';
import { shapeOf } from '../i18n/catalog';
import { MESSAGES } from './answer';
import { FIELDS } from './fields';

describe("the intake's texts", () => {
  it('have every key in every language, and the same placeholders', () => {
    for (const locale of LOCALE_CODES) expect(shapeOf(MESSAGES, locale), locale).toEqual(shapeOf(MESSAGES, 'en'));
  });

  it('name every field of every form', () => {
    for (const schema of Object.values(FIELDS)) {
      for (const field of Object.keys(schema.shape)) expect(MESSAGES.en, field).toHaveProperty(`field.${field}`);
    }
  });
});
