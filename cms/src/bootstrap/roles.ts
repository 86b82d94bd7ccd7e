import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, LOCALE_CODES } from '@newsroom/shared-types';
import documentRequestSchema from '../api/document-request/content-types/document-request/schema.json';
import { PERSONAL_FIELDS } from '../requests/personal-data';

const CM = 'plugin::content-manager.explorer';
const IS_CREATOR = 'admin::is-creator';

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

const T = CONTENT_TYPES;
/** What authors write. */
const AUTHORED = [T.release, T.speech, T.statement, T.decision, T.gallery, T.campaign, T.agendaItem].map((t) => t.uid);
/** What authors link to (people, tags) but do not change. */
const REFERENCED = [T.person, T.tag, T.government].map((t) => t.uid);
/** Everything the office publishes, and the journalists' questions and messages to the office, which the press office answers. */
const EDITED = Object.values(T)
  .filter((t) => t.uid !== T.retiredPage.uid && t.uid !== T.documentRequest.uid && t.uid !== T.accreditation.uid)
  .map((t) => t.uid);
/** The public's submissions, which the requests officer answers. */
const SUBMITTED = [T.documentRequest, T.mediaInquiry, T.officeMessage].map((t) => t.uid);
/** A request for documents without who sent it: editors see what the public asks, not who asks it. */
const REQUEST_WITHOUT_REQUESTER = Object.keys(documentRequestSchema.attributes).filter(
  (field) => !PERSONAL_FIELDS.documentRequest.includes(field),
);

const UPLOADS = (conditions: string[]): Permission[] => [
  { action: 'plugin::upload.read', conditions },
  { action: 'plugin::upload.configure-view' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', conditions },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];

export const ROLES = {
  /** Writes and edits drafts of their own items; never publishes, unpublishes or deletes. */
  author: {
    code: 'strapi-author',
    name: 'Author',
    description: 'Authors write and edit drafts of their own items. They cannot publish, unpublish or delete.',
    grants: [
      ...AUTHORED.flatMap((subject) =>
        ['create', 'read', 'update'].map((a) => ({ action: `${CM}.${a}`, subject, conditions: [IS_CREATOR] })),
      ),
      ...REFERENCED.map((subject) => ({ action: `${CM}.read`, subject })),
    ] as Permission[],
    uploads: UPLOADS([IS_CREATOR]),
  },
  /** Edits and publishes everything, answers the public's requests, sets retired pages' redirects. */
  editor: {
    code: 'strapi-editor',
    name: 'Editor',
    description: 'Editors edit, schedule, publish, correct and withdraw everything, and answer the public’s requests.',
    grants: [
      ...EDITED.flatMap((subject) =>
        ['create', 'read', 'update', 'delete', 'publish'].map((a) => ({ action: `${CM}.${a}`, subject })),
      ),
      { action: `${CM}.read`, subject: T.retiredPage.uid },
      { action: `${CM}.update`, subject: T.retiredPage.uid },
      { action: `${CM}.read`, subject: T.documentRequest.uid, properties: { fields: REQUEST_WITHOUT_REQUESTER } },
    ] as Permission[],
    uploads: UPLOADS([]),
  },
  /** Sees and answers the public's submissions, with the personal data that takes; nothing else. */
  requestsOfficer: {
    code: 'newsroom-requests-officer',
    name: 'Requests officer',
    description:
      'Requests officers see and answer requests for documents, journalists’ questions and messages to the office, and publish answered requests in the disclosure log. Nothing else.',
    grants: SUBMITTED.flatMap((subject) =>
      ['read', 'update'].map((a) => ({ action: `${CM}.${a}`, subject })),
    ) as Permission[],
    uploads: UPLOADS([IS_CREATOR]),
  },
  /** Decides journalists' applications for accreditation and keeps the accreditations; nothing else. */
  accreditationOfficer: {
    code: 'newsroom-accreditation-officer',
    name: 'Accreditation officer',
    description:
      'Accreditation officers decide journalists’ applications for accreditation, and suspend, reinstate or revoke accreditations. Nothing else.',
    grants: ['read', 'update'].map((a) => ({ action: `${CM}.${a}`, subject: T.accreditation.uid })) as Permission[],
    uploads: [] as Permission[],
  },
} as const;

/**
 * The office's roles on the free edition's role-based access: Author, Editor, and the
 * super admin shown as "Administrator". Bootstrap sets each role's permissions to
 * exactly these on every start, so the roles cannot drift from what the README says.
 */
type AdminRole = { id: number; name: string; description?: string };
/** What bootstrap uses of Strapi's admin services, which Strapi types as `any`. */
interface RoleService {
  getSuperAdmin(): Promise<AdminRole | null>;
  findOne(where: { code: string }): Promise<AdminRole | null>;
  create(role: { name: string; code: string; description: string }): Promise<AdminRole>;
  update(where: { id: number }, changes: { name: string; description?: string }): Promise<unknown>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}
type Action = Record<string, unknown>;
interface PermissionService {
  actionProvider: { get(action: string): Action };
}
interface ContentTypeService {
  getPermissionsWithNestedFields(actions: Action[]): Permission[];
}

export async function ensureRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const permissions = strapi.service('admin::permission') as unknown as PermissionService;
  const withFields = strapi.service('admin::content-type') as unknown as ContentTypeService;
  const superAdmin = await roles.getSuperAdmin();
  if (superAdmin && superAdmin.name !== 'Administrator')
    await roles.update({ id: superAdmin.id }, { name: 'Administrator' });
  for (const role of Object.values(ROLES)) {
    const existing =
      (await roles.findOne({ code: role.code })) ??
      (await roles.create({ name: role.name, code: role.code, description: role.description }));
    if (existing.name !== role.name || existing.description !== role.description)
      await roles.update({ id: existing.id }, { name: role.name, description: role.description });
    const complete: Permission[] = [];
    for (const grant of role.grants) {
      const action = permissions.actionProvider.get(grant.action);
      const [full] = withFields.getPermissionsWithNestedFields([{ ...action, subjects: [grant.subject] }]);
      const localized = (
        strapi.getModel(grant.subject as never) as { pluginOptions?: { i18n?: { localized?: boolean } } }
      ).pluginOptions?.i18n?.localized;
      complete.push({
        ...grant,
        properties: { ...full.properties, ...grant.properties, ...(localized ? { locales: [...LOCALE_CODES] } : {}) },
      });
    }
    await roles.assignPermissions(existing.id, [...complete, ...role.uploads]);
  }
}
