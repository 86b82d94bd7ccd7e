import type { AccreditationType } from '@newsroom/shared-types';
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
  'more-info-requested',
  'approved',
  'suspended',
  'revoked',
  'lapsed',
];
/** The sender's fields the detail shows, in this order, where filled. */
export const FIELDS = [
  'name',
  'email',
  'phone',
  'outlet',
  'role',
  'accreditationType',
  'event',
  'languages',
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
  'grantedType',
  'validUntil',
];
/** The accreditations an officer may grant (the admin bundle takes only types from shared-types). */
export const GRANTED_TYPES = ['day', 'event', 'annual'] as const satisfies readonly AccreditationType[];
/** Problems the desk itself names, besides those the CMS sends back. */
export const OWN_PROBLEMS = ['unsaved'];
