/**
 * The demo logins `npm start` makes beside the administrator, one per office role, so the
 * roles the README describes can be tried at once. Demo installations only (SEED_DEMO); they
 * share the administrator's generated password.
 */
export const DEMO_LOGINS = [
  { email: 'author@newsroom.example', role: 'author', label: 'Author' },
  { email: 'desk-editor@newsroom.example', role: 'editor', label: 'Editor' },
  { email: 'requests@newsroom.example', role: 'requestsOfficer', label: 'Requests officer' },
  { email: 'accreditation@newsroom.example', role: 'accreditationOfficer', label: 'Accreditation officer' },
] as const;
