/** The content types editors open, by the name the CMS's reports use (shared-types' CONTENT_TYPES keys; a unit test holds them equal). */
export const UID: Record<string, string> = {
  release: 'api::release.release',
  speech: 'api::speech.speech',
  statement: 'api::statement.statement',
  decision: 'api::decision.decision',
  gallery: 'api::gallery.gallery',
  campaign: 'api::campaign.campaign',
  agendaItem: 'api::agenda-item.agenda-item',
  person: 'api::person.person',
  tag: 'api::tag.tag',
  page: 'api::page.page',
};
