import { z } from 'zod';
import {
  ACCREDITATION_TYPES,
  LOCALE_CODES,
  MEDIA_ROLES,
  wallTimeToInstant,
  type FormKind,
} from '@newsroom/shared-types';

/**
 * What each form accepts, field by field. An error's message is a key of messages/*.json
 * (with its values after a colon), so the answer can name each field's problem in the
 * form's language.
 */
const text = (max: number, min = 1) =>
  z
    .string({ error: 'error.required' })
    .trim()
    .min(1, 'error.required')
    .min(min, `error.tooShort:${min}`)
    .max(max, `error.tooLong:${max}`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `error.tooLong:${max}`)
    .optional()
    .transform((v) => v || undefined);
const email = z
  .string({ error: 'error.required' })
  .trim()
  .min(1, 'error.required')
  .max(254, 'error.tooLong:254')
  .pipe(z.email('error.email'));

/** A deadline as the form's `datetime-local` gives it, in office time. */
const deadline = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    try {
      return wallTimeToInstant(v.slice(0, 16)).toISOString();
    } catch {
      ctx.addIssue({ code: 'custom', message: 'error.dateTime' });
      return z.NEVER;
    }
  })
  .refine((v) => !v || new Date(v).getTime() > Date.now(), 'error.pastDeadline');

export const FIELDS = {
  documentRequest: z.object({
    name: text(120),
    email,
    phone: optionalText(40),
    address: optionalText(300),
    description: text(5000, 10),
    preferredFormat: z.enum(['electronic', 'paper', 'inspection'], { error: 'error.choice' }).default('electronic'),
  }),
  mediaInquiry: z.object({
    name: text(120),
    outlet: text(120),
    email,
    phone: optionalText(40),
    question: text(5000, 10),
    deadline,
  }),
  officeMessage: z.object({
    name: text(120),
    email,
    phone: optionalText(40),
    subject: text(200),
    message: text(5000, 10),
  }),
  accreditation: z.object({
    name: text(120),
    outlet: text(120),
    role: z.enum(MEDIA_ROLES, { error: 'error.choice' }),
    email,
    phone: optionalText(40),
    accreditationType: z.enum(ACCREDITATION_TYPES, { error: 'error.choice' }),
    event: optionalText(300),
    // The languages in which the journalist wants releases sent ahead under embargo.
    languages: z
      .union([z.string(), z.array(z.string())], { error: 'error.choice' })
      .transform((v) => [v].flat())
      .pipe(z.array(z.enum(LOCALE_CODES as [string, ...string[]], { error: 'error.choice' })).min(1, 'error.choice')),
    consent: z.union([z.literal('yes'), z.literal(true)], { error: 'error.consent' }).transform(() => true),
  }),
} satisfies Record<FormKind, z.ZodType>;

export type FieldErrors = Record<string, { key: string; values: Record<string, string> }>;

/** The valid data, or each field's first problem as a message key. */
export function validate(
  kind: FormKind,
  body: Record<string, unknown>,
): { data: Record<string, unknown> } | { errors: FieldErrors } {
  const result = FIELDS[kind].safeParse(body);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const [key, value] = issue.message.startsWith('error.') ? issue.message.split(':') : ['error.required'];
    errors[field] = { key, values: value ? { max: value, min: value } : {} };
  }
  return { errors };
}
