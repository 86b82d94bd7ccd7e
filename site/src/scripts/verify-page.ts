import * as ed from '@noble/ed25519';
import {
  verifyPublication,
  sha256Hex,
  webCryptoEd25519,
  type Ed25519Verify,
  type SiteFiles,
  type Verdict,
} from '@newsroom/shared-types/verification';

/** What the page gives this script: its words in the page's language, and how it writes dates. */
interface Words {
  [key: string]: string;
}
interface DatePattern {
  parts: { type: string; value: string }[];
  months: string[];
}

/** WebCrypto's Ed25519 where the browser has it; otherwise the small bundled implementation. */
const ed25519: Ed25519Verify = async (key, signature, message) => {
  try {
    return await webCryptoEd25519(key, signature, message);
  } catch {
    return ed.verifyAsync(signature, message, key);
  }
};

const sameSite: SiteFiles = {
  async get(path) {
    const response = await fetch(path, { cache: 'no-cache' });
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  },
};

function longDate(iso: string, pattern: DatePattern, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'numeric', year: 'numeric' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return pattern.parts
    .map((p) =>
      p.type === 'day'
        ? String(Number(parts.day))
        : p.type === 'month'
          ? pattern.months[Number(parts.month) - 1]
          : p.type === 'year'
            ? parts.year
            : p.value,
    )
    .join('');
}

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/** The verdict in plain words; every text set with textContent, nothing read as HTML. */
function render(verdict: Verdict, words: Words, date: (iso: string) => string): HTMLElement[] {
  const heading = document.createElement('h2');
  const lines: HTMLElement[] = [heading];
  const line = (text: string) => lines.push(Object.assign(document.createElement('p'), { textContent: text }));
  heading.dataset.outcome = verdict.outcome;
  if (verdict.outcome === 'not-published') heading.textContent = words.notPublished!;
  else if (verdict.outcome === 'changed') heading.textContent = words.changed!;
  else if (verdict.outcome === 'revoked')
    heading.textContent = fill(words.revoked, { date: date(verdict.key!.revokedAt!) });
  else {
    const state = fill(words[`state.${verdict.state}`], { date: date(verdict.stateAt!) });
    heading.textContent = `${fill(words.published, { date: date(verdict.firstPublished!) })} — ${state}`;
  }
  if (verdict.matched?.kind === 'file' && verdict.matched.name)
    line(fill(words.matchedFile, { name: verdict.matched.name }));
  if (verdict.record) {
    const link = Object.assign(document.createElement('a'), {
      href: new URL(verdict.record.url).pathname,
      textContent: verdict.record.title,
    });
    const p = document.createElement('p');
    p.append(link);
    lines.push(p);
  }
  if (verdict.key) line(fill(words.key, { id: verdict.key.keyId, fingerprint: verdict.key.fingerprint }));
  if (verdict.logIndex !== undefined)
    line(
      fill(words.position, {
        index: String(verdict.logIndex + 1),
        size: String(verdict.logSize),
        date: date(verdict.versionLogged!),
      }),
    );
  if (verdict.translations?.length) {
    const p = Object.assign(document.createElement('p'), { textContent: `${words.otherLanguages} ` });
    for (const t of verdict.translations)
      p.append(
        Object.assign(document.createElement('a'), {
          href: new URL(t.url).pathname,
          textContent: t.locale,
          lang: t.locale,
        }),
        ' ',
      );
    lines.push(p);
  }
  if (verdict.outcome !== 'authentic') line(fill(words.reason, { reason: verdict.reason }));
  return lines;
}

const form = document.querySelector<HTMLFormElement>('form#verify');
if (form) {
  const words = JSON.parse(form.dataset.words!) as Words;
  const pattern = JSON.parse(form.dataset.dates!) as DatePattern;
  const date = (iso: string) => longDate(iso, pattern, form.dataset.timeZone!);
  const result = document.getElementById('verify-result')!;
  const fileInput = form.querySelector<HTMLInputElement>('input[type=file]')!;
  const drop = document.getElementById('verify-drop')!;
  form.hidden = false;
  const check = async (input: Parameters<typeof verifyPublication>[1]) => {
    result.replaceChildren(Object.assign(document.createElement('p'), { textContent: words.checking }));
    try {
      const verdict = await verifyPublication(sameSite, input, form.dataset.site!, {
        verify: ed25519,
        locale: form.dataset.locale as NonNullable<Verdict['record']>['locale'],
      });
      result.replaceChildren(...render(verdict, words, date));
    } catch (error) {
      result.replaceChildren(
        Object.assign(document.createElement('p'), {
          textContent: fill(words.failed, { reason: (error as Error).message }),
        }),
      );
    }
  };
  // Files are hashed here, in the browser: nothing is uploaded.
  const checkFile = async (file: File) =>
    check({ fileSha256: await sha256Hex(new Uint8Array(await file.arrayBuffer())), name: file.name });
  fileInput.addEventListener('change', () => {
    if (fileInput.files?.[0]) void checkFile(fileInput.files[0]);
  });
  drop.addEventListener('dragover', (event) => event.preventDefault());
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void checkFile(file);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const textOf = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const address = textOf('address');
    const text = textOf('text');
    if (address) void check({ address });
    else if (text) void check({ text });
    else if (fileInput.files?.[0]) void checkFile(fileInput.files[0]);
    else result.replaceChildren(Object.assign(document.createElement('p'), { textContent: words.empty }));
  });
}
