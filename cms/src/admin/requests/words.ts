import type { ClockState } from '../../requests/deadlines';

/** The codes the requests desk shows in words (`newsroom.requests.<group>.<code>`); a unit test checks each has them. */
export const CLOCKS = [
  'running',
  'due-today',
  'overdue',
  'answered-in-time',
  'answered-late',
] as const satisfies readonly ClockState[];
export const STATES = [
  'received',
  'clarification-requested',
  'in-progress',
  'extended',
  'granted',
  'partly-granted',
  'refused',
  'not-held',
  'referred',
  'complaint',
  'answered',
];
/** The sender's fields the detail shows, in this order, where filled. */
export const FIELDS = [
  'name',
  'email',
  'phone',
  'outlet',
  'address',
  'subject',
  'description',
  'question',
  'message',
  'deadline',
  'preferredFormat',
  'language',
  'answer',
  'reason',
  'legalGround',
  'referredTo',
];
/** Problems the desk itself names, besides those the CMS sends back. */
export const OWN_PROBLEMS = ['unsaved'];
