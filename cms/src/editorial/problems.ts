import { errors } from '@strapi/utils';
import words from '../admin/translations/en.json';

/** The rules with a refusal in the admin's words: each `newsroom.problem.<rule>` of en.json. */
type Problem = keyof typeof words extends infer Id
  ? Id extends `newsroom.problem.${infer Rule}`
    ? Rule
    : never
  : never;

/**
 * A rule an editor broke, refused with the admin's English for it (`newsroom.problem.*`) and the
 * particulars as details. The admin shows an API error's message translated by the id
 * `apiError.<message>` (translations/index.ts registers ours), so the message is one fixed
 * sentence per rule and never carries the particulars. An ApplicationError (400), not a
 * ValidationError: the admin reads a ValidationError's details as errors by field.
 */
export const refuse = (problem: Problem, details: Record<string, unknown> = {}) =>
  new errors.ApplicationError(words[`newsroom.problem.${problem}`], details);
