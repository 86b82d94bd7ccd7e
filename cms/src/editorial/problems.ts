import { errors } from '@strapi/utils';
import words from '../admin/translations/en.json';

type Problem = 'changeNoteRemoved' | 'changeNoteInFuture' | 'slugOfPublished' | 'redirectMissing' | 'redirectNotOnSite';

/**
 * A rule an editor broke, refused with the admin's English for it (`newsroom.problem.*`) and the
 * particulars as details. The admin shows an API error's message translated by the id
 * `apiError.<message>` (translations/index.ts registers ours), so the message is one fixed
 * sentence per rule and never carries the particulars. An ApplicationError (400), not a
 * ValidationError: the admin reads a ValidationError's details as errors by field.
 */
export const refuse = (problem: Problem, details: Record<string, unknown> = {}) =>
  new errors.ApplicationError(words[`newsroom.problem.${problem}`], details);
