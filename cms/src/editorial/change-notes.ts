import { refuse } from './problems';

interface Note {
  date: string;
  text: string;
}

const key = (n: Note) => `${String(n.date).slice(0, 10)}\u0000${n.text.trim()}`;

/**
 * A correction made in public stays in public: every change note of the published
 * version must still be there, word for word, when a new version is published; and no
 * note may be dated after today (the office's day).
 */
export function checkChangeNotes(locale: string, draft: Note[], published: Note[] | undefined, today: string) {
  const kept = new Set(draft.map(key));
  const dropped = (published ?? []).filter((n) => !kept.has(key(n)));
  if (dropped.length > 0) {
    const n = dropped[0];
    throw refuse('changeNoteRemoved', { locale, date: String(n.date).slice(0, 10), text: n.text });
  }
  const future = draft.find((n) => String(n.date).slice(0, 10) > today);
  if (future) {
    throw refuse('changeNoteInFuture', { locale, date: String(future.date).slice(0, 10) });
  }
}
