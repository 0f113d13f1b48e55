// Who may call what (docs/ACCESS.md): every contract endpoint names the one permission it needs,
// and every role holds a set of permissions. The dispatcher enforces this table for the app, the
// browser host and the CLI alike; the renderer reads it only to hide what a role cannot do.
import type { Role } from '../domain/access';

export const permissions = [
  /** Anyone, logged in or not: what is open, logging in, unlocking. */
  'session',
  /** Any logged-in user: logging out, locking, changing one's own password, the demo township. */
  'self',
  /** Reading cadres, records, findings, reports and documents. */
  'ledger.read',
  /** Entering and correcting records (经办). */
  'ledger.write',
  /** Confirming voids and clearances (审核). */
  'ledger.review',
  /** Preparing meetings: dockets, decisions, minutes drafts. */
  'meetings.prepare',
  /** Confirming a meeting's decisions. */
  'meetings.confirm',
  /** Accounts and roles. */
  'users.manage',
  /** Backups, restores and their deletion. */
  'backup.manage',
  /** Settings and exchanges with other offices. */
  'settings.manage',
  /** Reading the audit trail. */
  'audit.read',
  /** Checking the journal's hash chain (verify). */
  'chain.verify',
] as const;
export type Permission = (typeof permissions)[number];

export const permissionLabels: Record<Permission, { zh: string; en: string }> = {
  session: { zh: '会话', en: 'session' },
  self: { zh: '本人账户', en: 'own account' },
  'ledger.read': { zh: '查阅台账', en: 'read the ledger' },
  'ledger.write': { zh: '录入和更正记录', en: 'enter and correct records' },
  'ledger.review': { zh: '审核作废和解除', en: 'confirm voids and clearances' },
  'meetings.prepare': { zh: '准备会议', en: 'prepare meetings' },
  'meetings.confirm': { zh: '确认会议决定', en: 'confirm meeting decisions' },
  'users.manage': { zh: '管理用户', en: 'manage users' },
  'backup.manage': { zh: '管理备份', en: 'manage backups' },
  'settings.manage': { zh: '管理设置', en: 'manage settings' },
  'audit.read': { zh: '查阅审计日志', en: 'read the audit trail' },
  'chain.verify': { zh: '校验审计链', en: 'verify the audit chain' },
};

/**
 * 三员分立: the administrator runs the system but edits no record; the clerk enters, the reviewer
 * confirms (both read the ledger: one cannot confirm what one cannot see); the auditor reads the
 * audit trail and nothing else.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ['session', 'self', 'users.manage', 'backup.manage', 'settings.manage', 'audit.read', 'chain.verify'],
  clerk: ['session', 'self', 'ledger.read', 'ledger.write', 'meetings.prepare'],
  reviewer: ['session', 'self', 'ledger.read', 'ledger.review', 'meetings.confirm'],
  auditor: ['session', 'self', 'audit.read', 'chain.verify'],
};

/** What a successful call leaves in the audit trail besides its own journal record (if any). */
export type AuditKind = 'export' | 'print' | 'backup' | 'download';

export interface EndpointAccess {
  permission: Permission;
  /** Set for reads that take data out of the ledger (exports, printed documents, backups). */
  audit?: AuditKind;
  /** Where one endpoint writes several collections: the permission for some of them instead. */
  byCollection?: Record<string, Permission>;
}

const read: EndpointAccess = { permission: 'ledger.read' };
const write: EndpointAccess = { permission: 'ledger.write' };
const review: EndpointAccess = { permission: 'ledger.review' };
const prepare: EndpointAccess = { permission: 'meetings.prepare' };
const session: EndpointAccess = { permission: 'session' };
const self: EndpointAccess = { permission: 'self' };
const exported: EndpointAccess = { permission: 'ledger.read', audit: 'export' };
const printed: EndpointAccess = { permission: 'ledger.read', audit: 'print' };

/** The table: endpoint name → what it needs. A test checks it lists exactly `endpointNames`. */
export const endpointAccess: Record<string, EndpointAccess> = {
  'session.info': session,
  'session.unlock': session,
  'session.login': session,
  'session.logout': self,
  'session.lock': self,
  'session.setPassword': self,
  'session.confirmRecoveryKey': self,
  'session.openDemo': self,
  'session.leaveDemo': self,

  'users.list': { permission: 'users.manage' },
  'users.add': { permission: 'users.manage' },
  'users.disable': { permission: 'users.manage' },
  'users.reset': { permission: 'users.manage' },
  'users.setRole': { permission: 'users.manage' },

  'audit.list': { permission: 'audit.read' },
  'audit.export': { permission: 'audit.read', audit: 'export' },

  'units.list': read,
  'units.create': write,
  'units.update': write,
  'cadres.list': read,
  'cadres.get': read,
  'cadres.create': write,
  'cadres.update': write,
  // A clearance (解除/撤销) is confirmed by the reviewer; the clerk enters everything else.
  'records.put': { permission: 'ledger.write', byCollection: { clearances: 'ledger.review' } },
  'records.correct': write,
  'records.void': review,
  'records.history': read,
  'records.measureDefaults': read,
  'sanctions.release': review,
  'casefile.get': read,
  'findings.list': read,
  'findings.overview': read,
  'findings.export': exported,
  'findings.dismiss': write,
  'findings.act': write,
  'tracker.board': read,
  'tracker.export': exported,
  'tracker.close': write,
  'import.template': write,
  'import.preview': write,
  'import.commit': write,
  'reports.meeting': read,

  'rehab.draftFromMeasure': read,
  'rehab.open': write,
  'rehab.update': write,
  'rehab.checkIn': write,
  'rehab.review': write,
  'rehab.close': write,
  'rehab.list': read,
  'rehab.export': exported,
  'rehab.get': read,

  'faults.record': write,
  'faults.step': write,
  'faults.list': read,
  'clearances.notice': printed,

  'meetings.list': read,
  'meetings.get': read,
  'meetings.proposeDocket': prepare,
  'meetings.create': prepare,
  'meetings.update': prepare,
  'meetings.setDocket': prepare,
  'meetings.decide': prepare,
  'meetings.correct': prepare,
  'meetings.delete': prepare,
  'meetings.confirm': { permission: 'meetings.confirm' },

  'documents.docket': printed,
  'documents.minutes': printed,
  'documents.notice': printed,
  'documents.appointmentForm': printed,
  'documents.periodReport': printed,

  'backup.list': { permission: 'backup.manage' },
  'backup.create': { permission: 'backup.manage', audit: 'backup' },
  'backup.download': { permission: 'backup.manage', audit: 'download' },
  'backup.restore': { permission: 'backup.manage' },
  'backup.delete': { permission: 'backup.manage' },
  'backup.verify': { permission: 'chain.verify' },

  // Exchanges with other offices (docs/SYNC.md): the administrator's.
  'sync.office': { permission: 'settings.manage' },
  'sync.createOffice': { permission: 'settings.manage' },
  'sync.identity': { permission: 'settings.manage' },
  'sync.trust': { permission: 'settings.manage' },
  'sync.certify': { permission: 'settings.manage' },
  'sync.export': { permission: 'settings.manage', audit: 'export' },
  'sync.preview': { permission: 'settings.manage' },
  'sync.import': { permission: 'settings.manage' },
  'sync.conflicts': { permission: 'settings.manage' },
  'sync.resolve': { permission: 'settings.manage' },
  'sync.offices': { permission: 'settings.manage' },
  'sync.transfer': { permission: 'ledger.review' },

  // Policy versions (docs/POLICY.md): every reader sees them; a new version is the committee's
  // decision, entered by the reviewer (审核), not the administrator (三员分立) or the clerk.
  'policy.list': read,
  'policy.get': read,
  'policy.issue': review,
  'policy.withdraw': review,
  /** Every reader sees which offices the ledger holds (the New Area's office selector). */
  'sync.scopes': read,
};

/**
 * CLI commands that touch a ledger, by the permission they need (the same roles hold them). A
 * command that opens a ledger and is not listed here is refused; help, template and init open none.
 */
export const cliCommandAccess: Record<string, EndpointAccess> = {
  import: write,
  evaluate: read,
  report: read,
  docket: printed,
  verify: { permission: 'chain.verify' },
  head: { permission: 'chain.verify' },
  backup: { permission: 'backup.manage', audit: 'backup' },
  restore: { permission: 'backup.manage' },
  demo: write,
  users: { permission: 'users.manage' },
  password: self,
  // Exchanges with other offices are the administrator's (docs/SYNC.md).
  office: { permission: 'settings.manage' },
  'export-package': { permission: 'settings.manage', audit: 'export' },
  'import-package': { permission: 'settings.manage' },
  transfer: { permission: 'ledger.review' },
  // list/show/export read; issue and withdraw call policy.issue / policy.withdraw (ledger.review).
  policy: read,
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of userRoles) for (const p of rolePermissions[r] ?? []) out.add(p);
  return out;
}

/** The permission a call needs, given its raw input (records.put of a clearance needs ledger.review). */
export function permissionFor(access: EndpointAccess, rawInput: unknown): Permission {
  const collection = rawInput && typeof rawInput === 'object' ? (rawInput as { collection?: unknown }).collection : undefined;
  if (access.byCollection && typeof collection === 'string' && Object.prototype.hasOwnProperty.call(access.byCollection, collection)) {
    return access.byCollection[collection];
  }
  return access.permission;
}

/** The permission an endpoint needs; undefined for a name that is not in the table. */
export function accessOf(name: string): EndpointAccess | undefined {
  return Object.prototype.hasOwnProperty.call(endpointAccess, name) ? endpointAccess[name] : undefined;
}
