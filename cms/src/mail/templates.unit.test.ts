import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@newsroom/shared-types';
import { formatDate, MESSAGES, render } from './templates';
import { shapeOf } from '../i18n/catalog';

describe("the office's mail texts", () => {
  it('have every key in every language, and the same placeholders', () => {
    for (const locale of LOCALE_CODES) expect(shapeOf(MESSAGES, locale), locale).toEqual(shapeOf(MESSAGES, 'en'));
  });

  it('are rendered as text and as HTML that escapes what the sender wrote', () => {
    const mail = render('sq', 'documentRequest.subject', 'documentRequest.body', {
      name: '<b>Ana</b> & Co',
      reference: 'DR-2026-ABCDEF',
      registeredAt: '30 nëntor 2026',
      dueDate: '7 dhjetor 2026',
    });
    expect(mail.subject).toBe('Kërkesa juaj për qasje në dokumente publike: DR-2026-ABCDEF');
    expect(mail.text).toContain('I/E nderuar <b>Ana</b> & Co');
    expect(mail.text).toContain('deri më 7 dhjetor 2026');
    expect(mail.html).toContain('&#60;b&#62;Ana&#60;/b&#62; &#38; Co');
    expect(mail.html).not.toContain('<b>Ana');
  });

  it('end a Serbian sentence that ends in a date with one period', () => {
    const registeredAt = formatDate('sr-Latn', new Date('2026-12-01T09:00:00Z'));
    expect(registeredAt).toMatch(/2026\.$/);
    const mail = render('sr-Latn', 'mediaInquiry.subject', 'mediaInquiry.body', {
      name: 'Ana',
      reference: 'MI-2026-ABCDEF',
      registeredAt,
      dueDate: registeredAt,
    });
    expect(mail.text).toContain(`primila je Vaše pitanje ${registeredAt}\n`);
    expect(mail.text).not.toMatch(/\d\.\./);
  });
});
