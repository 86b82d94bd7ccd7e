import fs from 'node:fs';
import path from 'node:path';

/**
 * Sets one key of a JSON object file that several loaders share (each writes its own type),
 * creating it if needed. Read and write are synchronous, so two loaders' calls cannot interleave.
 */
export function mergeIntoJsonFile(file: string, key: string, value: unknown) {
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[key] = value;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(all));
}
