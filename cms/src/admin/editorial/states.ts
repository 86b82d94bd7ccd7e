import type { TranslationState } from '../../editorial/report';

/** A translation's states as the desk shows them (`newsroom.desk.status.<state>`), with their colours. */
export const TRANSLATION_TONES = {
  published: 'success',
  modified: 'secondary',
  draft: 'neutral',
  outdated: 'warning',
  missing: 'danger',
} as const satisfies Record<TranslationState, 'success' | 'secondary' | 'warning' | 'danger' | 'neutral'>;
