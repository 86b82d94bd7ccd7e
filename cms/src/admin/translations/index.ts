import { UID } from '../content-types';
import en from './en.json';
import sq from './sq.json';
import srLatn from './sr-Latn.json';

type Messages = Record<string, string>;
const FIELD = 'newsroom.field.';
const PROBLEM = 'newsroom.problem.';

/**
 * The edit views' field labels in a language: Strapi's content manager looks a label up as
 * `content-manager.content-types.<uid>.<field>`.
 */
function withFieldLabels(messages: Messages): Messages {
  const fields = Object.keys(messages).filter((id) => id.startsWith(FIELD));
  const labels = Object.values(UID).flatMap((uid) =>
    fields.map((id): [string, string] => [
      `content-manager.content-types.${uid}.${id.slice(FIELD.length)}`,
      messages[id],
    ]),
  );
  return { ...messages, ...Object.fromEntries(labels) };
}

/**
 * The admin's words by language: ours and every field's label in all three; Strapi's own
 * screens and the collections' names (looked up by their English name) in Albanian and Serbian.
 */
/**
 * The CMS's refusals in a language: the admin translates an API error by the id
 * `apiError.<its English message>` (editorial/problems.ts sends our English).
 */
function withProblems(messages: Messages): Messages {
  const problems = Object.keys(en).filter((id) => id.startsWith(PROBLEM));
  return {
    ...messages,
    ...Object.fromEntries(problems.map((id) => [`apiError.${en[id as keyof typeof en]}`, messages[id]])),
  };
}

export const TRANSLATIONS: Record<string, Messages> = {
  en: withProblems(withFieldLabels(en)),
  sq: withProblems(withFieldLabels(sq)),
  'sr-Latn': withProblems(withFieldLabels(srLatn)),
};
