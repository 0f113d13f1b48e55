// Settings → 数据交换 (docs/SYNC.md): this office's identity, the offices it trusts, packages to
// and from them (files travel as base64, so the browser host can offer and accept them), the
// conflicts between offices and their resolution, and cadre transfers between townships.
import { z } from 'zod';
import { bilingualSchema, dateSchema, freeText, nameText } from '../domain/primitives';
import { officeCodeSchema, versionVectorSchema } from '../sync/schema';
import { command, query } from './define';

const fileSchema = z.object({ name: z.string().min(1).max(260), base64: z.string().max(110_000_000) });
const textFileSchema = z.object({ fileName: z.string(), text: z.string() });

export const officeInfoSchema = z.object({
  code: officeCodeSchema,
  name: z.string(),
  /** The signing key's fingerprint, to read out when another office trusts it. */
  fingerprint: z.string(),
  certificate: z.object({ issuer: z.string(), validFrom: z.string(), validTo: z.string() }).nullable(),
  /** This ledger's feed: its epoch (a new one after a copy or a restore) and its last entry. */
  feed: z.object({ epoch: z.number().int(), seq: z.number().int() }),
});

export const trustOutcomeSchema = z.object({
  kind: z.enum(['anchor', 'certificate', 'own-certificate']),
  code: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  validTo: z.string().optional(),
  message: bilingualSchema,
});

export const selectionSchema = z.union([
  z.object({ kind: z.literal('unacknowledged') }),
  z.object({ kind: z.literal('dates'), from: dateSchema, to: dateSchema }),
]);

export const officeCountsSchema = z.object({
  office: z.string(),
  name: z.string(),
  new: z.number().int(),
  held: z.number().int(),
  gap: z.number().int(),
  conflict: z.number().int(),
  refused: z.number().int(),
  messages: z.array(bilingualSchema),
});

export const importReportSchema = z.object({
  offices: z.array(officeCountsSchema),
  files: z.array(z.object({ file: z.string(), ok: z.boolean(), office: z.string().optional(), packageId: z.string().optional(), message: bilingualSchema.optional() })),
  committed: z.boolean(),
  revision: z.number().int(),
});
export type ImportReportView = z.infer<typeof importReportSchema>;

export const conflictItemSchema = z.object({
  key: z.string(),
  collection: z.string(),
  recordId: z.string(),
  owner: z.string(),
  fields: z.array(z.string()),
  sides: z.array(z.object({ version: z.string(), office: z.string(), officeName: z.string(), value: z.record(z.string(), z.unknown()).nullable() })),
  shown: z.record(z.string(), z.unknown()).nullable(),
});
export type ConflictItemView = z.infer<typeof conflictItemSchema>;

const packageRef = z.object({ packageId: z.string(), at: z.string(), entries: z.number().int() });
export const officeRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  self: z.boolean(),
  anchor: z.boolean(),
  certifiedUntil: z.string().optional(),
  lastReceived: packageRef.optional(),
  lastSent: packageRef.optional(),
  held: versionVectorSchema,
  acknowledged: versionVectorSchema,
  heldBack: z.number().int(),
  quarantined: z.number().int(),
  openConflicts: z.number().int(),
});
export type OfficeRowView = z.infer<typeof officeRowSchema>;

export const officeScopeSchema = z.object({
  code: z.string(),
  name: z.string(),
  self: z.boolean(),
  cadres: z.number().int(),
  units: z.number().int(),
});
export const officeScopesSchema = z.object({
  self: z.object({ code: z.string(), name: z.string() }).nullable(),
  offices: z.array(officeScopeSchema),
  /** Every office this one trusts (the receiving offices of a transfer), whether or not the ledger holds its data. */
  trusted: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});
export type OfficeScopes = z.infer<typeof officeScopesSchema>;

export const syncContract = {
  /** This office's identity (null before one is created). */
  'sync.office': query(z.object({}).default({}), officeInfoSchema.nullable()),
  /** Gives this ledger its office identity (a new key pair). Once. */
  'sync.createOffice': command(z.object({ code: officeCodeSchema, name: nameText(60).min(1) }), officeInfoSchema),
  /** This office's public identity file (to hand to the New Area for certification). */
  'sync.identity': query(z.object({}).default({}), textFileSchema),
  /** Trusts an identity file (the New Area's, once) or a certificate (this office's own, or another's). */
  'sync.trust': command(z.object({ text: z.string().min(2).max(20_000) }), trustOutcomeSchema),
  /** The New Area certifies a township's identity file: the certificate to hand back. */
  'sync.certify': command(z.object({ text: z.string().min(2).max(20_000), validFrom: dateSchema, validTo: dateSchema }), textFileSchema),
  /** Writes a package for another office: what it has not acknowledged (default) or a date range. */
  'sync.export': command(
    z.object({ to: officeCodeSchema, selection: selectionSchema.default({ kind: 'unacknowledged' }), encrypt: z.boolean().default(true) }),
    z.object({ fileName: z.string(), base64: z.string(), entries: z.number().int(), encrypted: z.boolean() }),
  ),
  /** Verifies package files and counts, per office, what importing them would do. Changes nothing. */
  'sync.preview': query(z.object({ files: z.array(fileSchema).min(1).max(50) }), importReportSchema),
  /** Verifies and imports package files in one commit (refused files apply nothing). */
  'sync.import': command(z.object({ files: z.array(fileSchema).min(1).max(50) }), importReportSchema),
  /** Open conflicts between offices. */
  'sync.conflicts': query(z.object({}).default({}), z.array(conflictItemSchema)),
  /** Resolves a conflict: one side's value (or per field, `pick`), as a new version naming every side. */
  'sync.resolve': command(
    z.object({ key: z.string().min(1).max(200), version: z.string().min(1).max(80), pick: z.record(z.string(), z.string()).optional() }),
    z.object({ revision: z.number().int() }),
  ),
  /** Every office known here, with the last package received and sent and its open conflicts. */
  'sync.offices': query(z.object({}).default({}), z.array(officeRowSchema)),
  /**
   * The offices whose cadres or units this ledger holds (this office first), for the New Area's
   * office selector (shown when there is more than one). `self` is null without an identity.
   */
  'sync.scopes': query(z.object({}).default({}), officeScopesSchema),
  /** Moves a cadre's ownership to another office; the cadre keeps its id and its whole history. */
  'sync.transfer': command(
    z.object({ cadreId: z.string().min(1).max(80), to: officeCodeSchema, on: dateSchema, note: freeText(500).default('') }),
    z.object({ cadreId: z.string(), office: z.string(), revision: z.number().int() }),
  ),
} as const;
