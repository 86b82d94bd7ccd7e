import { describe, expect, it } from 'vitest';
import { canonicalJson, normaliseText } from './authenticity';

describe('what is signed and compared', () => {
  it('serialises JSON by RFC 8785: keys sorted by code unit, no white space, numbers as ECMAScript writes them', () => {
    // RFC 8785, section 3.2.3's sorting example, shortened; and its number forms.
    expect(canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '1': 'One', '\u00e9': 'é' })).toBe(
      '{"\\r":"Carriage Return","1":"One","é":"é","€":"Euro Sign"}',
    );
    expect(canonicalJson({ b: [1e21, 0.000001, -0], a: null })).toBe('{"a":null,"b":[1e+21,0.000001,0]}');
  });

  it('compares texts as a reader copies them: NFC, any white space one space, plain quotes and dashes', () => {
    const page = 'Kryeministri tha: „Buxheti është miratuar” – sot.\n\nVendimi\u00a0hyn në fuqi.';
    const pasted = '  Kryeministri tha: "Buxheti është miratuar" - sot. Vendimi hyn në fuqi.\n';
    expect(normaliseText(page)).toBe(normaliseText(pasted));
    expect(normaliseText('e\u0308')).toBe('\u00eb');
    expect(normaliseText('Buxheti është miratuar')).not.toBe(normaliseText('Buxheti nuk është miratuar'));
  });
});
