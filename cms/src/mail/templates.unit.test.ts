import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@newsroom/shared-types';
import { MESSAGES, render } from './templates';

describe('the office\'s mail texts', () => {
  it('have every key in every language, and the same placeholders', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const locale of LOCALE_CODES) {
      expect(Object.keys(MESSAGES[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) {
        const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(placeholders(MESSAGES[locale][key]), `${locale} ${key}`).toEqual(placeholders(MESSAGES.en[key]));
      }
    }
  });

  it('are rendered as text and as HTML that escapes what the sender wrote', () => {
    const mail = render('sq', 'documentRequest.subject', 'documentRequest.body', { name: '<b>Ana</b> & Co', reference: 'DR-2026-ABCDEF', registeredAt: '30 nëntor 2026', dueDate: '7 dhjetor 2026' });
    expect(mail.subject).toBe('Kërkesa juaj për qasje në dokumente publike: DR-2026-ABCDEF');
    expect(mail.text).toContain('I/E nderuar <b>Ana</b> & Co');
    expect(mail.text).toContain('deri më 7 dhjetor 2026');
    expect(mail.html).toContain('&#60;b&#62;Ana&#60;/b&#62; &#38; Co');
    expect(mail.html).not.toContain('<b>Ana');
  });
});
