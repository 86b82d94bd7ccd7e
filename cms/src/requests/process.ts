import { ACCESS_PERIODS } from './legal-periods';
import { addDays, decisionDue, officeDate, referralDue } from './deadlines';
import { ACCREDITATION_TYPES, type FormKind } from '@newsroom/shared-types';

/**
 * The legal process as data: which action the desk may take from which state, what it
 * needs from the officer, where it leads, and which letter it sends. Pure, so every rule is
 * unit-tested; `desk.ts` applies a step to the database with its history and its mail.
 */
/** One step of the process: for which kinds, from which states, to which, needing what, sending which letter. */
interface Rule {
  kinds: readonly FormKind[];
  from: readonly string[];
  to: string | null;
  needs: readonly Need[];
  letter: string | null;
}

export const ACTIONS = {
  start: {
    kinds: ['documentRequest', 'mediaInquiry', 'officeMessage', 'accreditation'],
    from: ['received'],
    to: 'in-progress',
    needs: [],
    letter: null,
  },
  'mark-urgent': {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress'],
    to: null,
    needs: ['reason'],
    letter: 'urgent',
  },
  'ask-clarification': {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress'],
    to: 'clarification-requested',
    needs: ['reason'],
    letter: 'clarification',
  },
  clarified: {
    kinds: ['documentRequest'],
    from: ['clarification-requested'],
    to: 'in-progress',
    needs: [],
    letter: 'clarified',
  },
  extend: {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress'],
    to: 'extended',
    needs: ['reason', 'extensionDays'],
    letter: 'extended',
  },
  grant: {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress', 'extended'],
    to: 'granted',
    needs: ['answer'],
    letter: 'granted',
  },
  'partly-grant': {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress', 'extended'],
    to: 'partly-granted',
    needs: ['answer', 'reason', 'legalGround'],
    letter: 'partly-granted',
  },
  refuse: {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress', 'extended'],
    to: 'refused',
    needs: ['answer', 'reason', 'legalGround'],
    letter: 'refused',
  },
  'not-held': {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress', 'extended'],
    to: 'not-held',
    needs: ['answer'],
    letter: 'not-held',
  },
  refer: {
    kinds: ['documentRequest'],
    from: ['received', 'in-progress'],
    to: 'referred',
    needs: ['referredTo'],
    letter: 'referred',
  },
  complaint: {
    kinds: ['documentRequest'],
    from: ['refused', 'partly-granted', 'not-held', 'received', 'in-progress', 'extended'],
    to: 'complaint',
    needs: ['reason'],
    letter: null,
  },
  answer: {
    kinds: ['mediaInquiry', 'officeMessage'],
    from: ['received', 'in-progress'],
    to: 'answered',
    needs: ['answer'],
    letter: 'answer',
  },
  'ask-more': {
    kinds: ['accreditation'],
    from: ['received', 'in-progress'],
    to: 'more-info-requested',
    needs: ['reason'],
    letter: 'ask-more',
  },
  'more-given': {
    kinds: ['accreditation'],
    from: ['more-info-requested'],
    to: 'in-progress',
    needs: [],
    letter: null,
  },
  approve: {
    kinds: ['accreditation'],
    from: ['received', 'in-progress', 'more-info-requested'],
    to: 'approved',
    needs: ['grantedType', 'validUntil'],
    letter: 'approve',
  },
  decline: {
    kinds: ['accreditation'],
    from: ['received', 'in-progress', 'more-info-requested'],
    to: 'refused',
    needs: ['reason'],
    letter: 'decline',
  },
  suspend: {
    kinds: ['accreditation'],
    from: ['approved'],
    to: 'suspended',
    needs: ['reason'],
    letter: 'suspend',
  },
  reinstate: {
    kinds: ['accreditation'],
    from: ['suspended'],
    to: 'approved',
    needs: [],
    letter: 'reinstate',
  },
  revoke: {
    kinds: ['accreditation'],
    from: ['approved', 'suspended'],
    to: 'revoked',
    needs: ['reason'],
    letter: 'revoke',
  },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof ACTIONS;
export type Need = 'reason' | 'answer' | 'legalGround' | 'extensionDays' | 'referredTo' | 'grantedType' | 'validUntil';
export const isAction = (value: unknown): value is Action =>
  typeof value === 'string' && Object.keys(ACTIONS).includes(value);

/** States in which the office has given its answer: the clock has stopped. */
export const CLOSED = [
  'granted',
  'partly-granted',
  'refused',
  'not-held',
  'referred',
  'complaint',
  'answered',
  'approved',
  'suspended',
  'revoked',
  'lapsed',
];

/** What the desk knows of a request when it takes a step. */
export interface Case {
  kind: FormKind;
  status: string;
  registeredAt: Date;
  dueAt: Date;
  urgent?: boolean | null;
  clarifiedAt?: Date | null;
  extensionDays?: number | null;
}

export interface StepInput {
  reason?: string;
  answer?: string;
  legalGround?: string;
  extensionDays?: number;
  referredTo?: string;
  grantedType?: string;
  /** The last day an accreditation is valid, `YYYY-MM-DD` (office calendar). */
  validUntil?: string;
}

/** The fields a step changes on the request; `problems` name each missing or wrong input, by field. */
export type Step =
  | { ok: true; status: string; changes: Record<string, unknown>; letter: string | null }
  | { ok: false; problems: Record<string, 'required' | 'not-allowed' | 'out-of-range' | 'once'> };

const filled = (value: unknown) =>
  typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;

/** Checks an officer's step against the process and says what it changes. */
export function step(action: Action, current: Case, input: StepInput, now: Date): Step {
  const rule: Rule = ACTIONS[action];
  if (!rule.kinds.includes(current.kind) || !rule.from.includes(current.status))
    return { ok: false, problems: { action: 'not-allowed' } };
  const problems: Extract<Step, { ok: false }>['problems'] = {};
  for (const need of rule.needs) if (!filled(input[need])) problems[need] = 'required';
  if (action === 'extend') {
    if ((current.extensionDays ?? 0) > 0) problems.action = 'once';
    const days = Number(input.extensionDays);
    if (
      filled(input.extensionDays) &&
      !(Number.isInteger(days) && days >= 1 && days <= ACCESS_PERIODS.maxExtensionDays)
    )
      problems.extensionDays = 'out-of-range';
  }
  if (action === 'approve') {
    if (filled(input.grantedType) && !(ACCREDITATION_TYPES as readonly unknown[]).includes(input.grantedType))
      problems.grantedType = 'out-of-range';
    const until = String(input.validUntil ?? '');
    if (
      filled(input.validUntil) &&
      !(/^\d{4}-\d{2}-\d{2}$/.test(until) && until >= officeDate(now) && until <= addDays(officeDate(now), 366))
    )
      problems.validUntil = 'out-of-range';
  }
  if (
    action === 'complaint' &&
    !['refused', 'partly-granted', 'not-held'].includes(current.status) &&
    now <= current.dueAt
  )
    problems.action = 'not-allowed';
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const status = rule.to ?? current.status;
  const changes: Record<string, unknown> = { status };
  for (const need of rule.needs)
    changes[need] = need === 'extensionDays' ? Number(input.extensionDays) : String(input[need]).trim();
  // An answer given once stays the first answer: a suspension or a reinstatement is not one.
  const answered = current.kind !== 'accreditation' || action === 'approve' || action === 'decline';
  const clock = {
    registeredAt: current.registeredAt,
    clarifiedAt: current.clarifiedAt,
    urgent: current.urgent ?? false,
    extensionDays: current.extensionDays ?? 0,
  };
  // A new approval is reminded again before its own end.
  if (action === 'approve') changes.remindedAt = null;
  if (action === 'mark-urgent')
    Object.assign(changes, { urgent: true, dueAt: decisionDue({ ...clock, urgent: true, extensionDays: 0 }) });
  if (action === 'clarified')
    Object.assign(changes, { clarifiedAt: now, dueAt: decisionDue({ ...clock, clarifiedAt: now }) });
  if (action === 'extend')
    Object.assign(changes, { dueAt: decisionDue({ ...clock, extensionDays: Number(input.extensionDays) }) });
  if (CLOSED.includes(status) && action !== 'complaint' && answered) {
    const due = action === 'refer' ? referralDue(current.registeredAt) : current.dueAt;
    changes.answeredAt = now;
    changes.answeredInTime = now.getTime() <= due.getTime();
    if (current.kind === 'documentRequest') changes.outcome = status;
  }
  return { ok: true, status, changes, letter: rule.letter };
}

/** The actions open to the desk for a request as it stands now. */
export function actionsFor(current: Case, now: Date): Action[] {
  const complete: StepInput = {
    reason: '-',
    answer: '-',
    legalGround: '-',
    extensionDays: 1,
    referredTo: '-',
    grantedType: 'annual',
    validUntil: officeDate(now),
  };
  return (Object.keys(ACTIONS) as Action[]).filter((action) => step(action, current, complete, now).ok);
}
