/**
 * `JSON.stringify(value)` of a plain object, in pieces of at most about `entries` entries of
 * its object fields: a build's manifest (24 MB at 10 000 documents × 3 languages) is turned
 * into text between other work, rather than in one step that holds the process for half a
 * second. The pieces joined are exactly `JSON.stringify(value)`.
 */
export function* jsonPieces(value: Record<string, unknown>, entries = 2000): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    const text = isPlainObject(field) ? null : JSON.stringify(field);
    if (text === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (text === null) yield* objectPieces(field as Record<string, unknown>, entries);
    else yield text;
  }
  yield '}';
}

function* objectPieces(value: Record<string, unknown>, entries: number): Generator<string> {
  let piece = '{';
  let count = 0;
  for (const [key, field] of Object.entries(value)) {
    const text = JSON.stringify(field) as string | undefined;
    if (text === undefined) continue;
    piece += `${count === 0 ? '' : ','}${JSON.stringify(key)}:${text}`;
    count += 1;
    if (count % entries === 0) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}}`;
}

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function';
