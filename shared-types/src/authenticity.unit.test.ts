import { describe, expect, it } from 'vitest';
import { canonicalJson, normaliseText } from './authenticity';
import { sitePath } from './verification';

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

  it('reads a pasted address as a path of this site only', () => {
    const site = 'https://kryeministri.example';
    expect(sitePath('https://kryeministri.example/en/press-releases/a', site)).toBe('/en/press-releases/a/');
    expect(sitePath(' /sq/komunikata/lajm-i-ri/?utm=x#top ', site)).toBe('/sq/komunikata/lajm-i-ri/');
    expect(sitePath('HTTPS://KRYEMINISTRI.EXAMPLE/en/', site)).toBe('/en/');
    expect(sitePath('https://kryeministri.example:443/en/', site)).toBe('/en/');
    // Dot segments, spelled or encoded, resolve inside the site as a browser resolves them.
    expect(sitePath('/en/%2e%2e/%2E%2E/sq/', site)).toBe('/sq/');
    for (const other of [
      '\\\\evil.example/en/',
      '/\\evil.example/en/',
      'https://kryeministri.example:8443/en/',
      'https://kryeministri.example.evil/en/',
      'http://kryeministri.example/en/',
      '//evil.example/en/',
      'https://kryeministri.example/%E0%A4%A/',
    ])
      expect(sitePath(other, site), other).toBeNull();
  });
});
