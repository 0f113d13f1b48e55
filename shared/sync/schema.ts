// What travels between offices on a USB stick (docs/SYNC.md): office codes, identities and
// certificates, feed entries and the package manifest. Pure zod; hashing and signing happen in
// electron/sync (Node's crypto) and pass hex strings in here.
import { z } from 'zod';

export const PACKAGE_FORMAT = 'cadre-ledger-package';
export const PACKAGE_VERSION = 1;
/** Version of the entry and manifest shapes below; a reader refuses a newer one. */
export const SYNC_SCHEMA_VERSION = 1;

/**
 * An office code: 2–12 capital letters and digits, starting with a letter (e.g. XQ for the New
 * Area, XZ01 for a township). Codes prefix the ids of records that come from another office
 * (`XZ01.C00001`), so they must be short and never contain the separator.
 */
export const officeCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,11}$/, { message: 'office code: 2–12 capital letters or digits, starting with a letter' });
export type OfficeCode = z.infer<typeof officeCodeSchema>;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), { message: `expected ${bytes * 2} hex digits` });
export const sha256HexSchema = hex(32);
/** Ed25519 / X25519 public keys as raw 32 bytes in base64 (44 characters). */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'expected a 32-byte key in base64' });
/** An Ed25519 signature (64 bytes) in base64. */
export const signatureSchema = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { message: 'expected a 64-byte signature in base64' });

/** The public half of an office identity: what `office identity OUT` writes. */
export const officeIdentitySchema = z.object({
  format: z.literal('cadre-ledger-office'),
  v: z.literal(1),
  code: officeCodeSchema,
  name: z.string().trim().min(1).max(60),
  /** Ed25519 signing key. */
  signKey: publicKeySchema,
  /** X25519 key packages for this office are encrypted to. */
  boxKey: publicKeySchema,
});
export type OfficeIdentity = z.infer<typeof officeIdentitySchema>;

/**
 * A certificate: the issuer (the New Area's office) vouches that `signKey` and `boxKey` belong to
 * office `code`, from `validFrom` to `validTo` (dates, inclusive). A self-certificate (issuer ===
 * code) is how the New Area presents its own key; a township trusts it once, by its fingerprint.
 */
export const certificateBodySchema = z.object({
  format: z.literal('cadre-ledger-certificate'),
  v: z.literal(1),
  code: officeCodeSchema,
  name: z.string().trim().min(1).max(60),
  signKey: publicKeySchema,
  boxKey: publicKeySchema,
  issuer: officeCodeSchema,
  issuerKey: publicKeySchema,
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type CertificateBody = z.infer<typeof certificateBodySchema>;
export const certificateSchema = z.object({ body: certificateBodySchema, signature: signatureSchema });
export type Certificate = z.infer<typeof certificateSchema>;

/** `office trust FILE` accepts either an identity (first contact) or a certificate. */
export const trustFileSchema = z.union([officeIdentitySchema, certificateSchema]);

/** A feed is one office's own events in one epoch: `${feedId}/${epoch}`. */
export const feedKey = (feedId: string, epoch: number) => `${feedId}/${epoch}`;
export const entryId = (feedId: string, epoch: number, seq: number) => `${feedId}/${epoch}/${seq}`;

/**
 * The header of a feed entry. The entry's bytes are `{"h":<header>,"r":<record>}` exactly as the
 * origin stored them; its hash (the next entry's `p`) is the SHA-256 of those bytes.
 */
export const entryHeaderSchema = z.object({
  /** Feed id (the origin office's code), epoch, sequence number (1, 2, 3… per epoch), previous hash. */
  f: officeCodeSchema,
  e: z.number().int().min(1),
  s: z.number().int().min(1),
  p: sha256HexSchema,
  /**
   * Per-record causal information: for each record this entry writes (`collection/globalId`),
   * the versions (entry ids) the writer had when it wrote. Absent: a new record.
   */
  b: z.record(z.string(), z.array(z.string()).max(64)).default({}),
});
export type EntryHeader = z.infer<typeof entryHeaderSchema>;

export const entryRecordSchema = z.object({
  at: z.string().max(40),
  user: z.string().max(100),
  command: z.string().max(100),
  events: z
    .array(
      z.union([
        z.object({ type: z.literal('put'), collection: z.string(), record: z.record(z.string(), z.unknown()) }),
        z.object({ type: z.literal('remove'), collection: z.string(), id: z.string().min(1) }),
      ]),
    )
    .min(1),
});
export type EntryRecord = z.infer<typeof entryRecordSchema>;

export const feedRangeSchema = z.object({
  feedId: officeCodeSchema,
  epoch: z.number().int().min(1),
  fromSeq: z.number().int().min(1),
  toSeq: z.number().int().min(1),
  /** The `p` of entry fromSeq and the hash of entry toSeq. */
  prevHash: sha256HexSchema,
  lastHash: sha256HexSchema,
});
export type FeedRange = z.infer<typeof feedRangeSchema>;

/** What an office holds of each feed: `${feedId}/${epoch}` → highest contiguous seq. */
export const versionVectorSchema = z.record(z.string(), z.number().int().min(0));
export type VersionVector = z.infer<typeof versionVectorSchema>;

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  v: z.literal(PACKAGE_VERSION),
  schema: z.number().int().min(1),
  packageId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string().max(40),
  source: z.object({ code: officeCodeSchema, name: z.string().max(60) }),
  target: z.object({ code: officeCodeSchema }),
  ranges: z.array(feedRangeSchema).max(1000),
  /** What the source holds of the target's feeds: acknowledges the target's earlier packages. */
  received: versionVectorSchema,
  /** Entries in the payload, and the payload's SHA-256 (hex, over its exact bytes). */
  entries: z.number().int().min(0),
  payloadSha256: sha256HexSchema,
  /** What was asked for: everything unacknowledged, or the entries recorded in a date range. */
  selection: z.union([
    z.object({ kind: z.literal('unacknowledged') }),
    z.object({ kind: z.literal('dates'), from: z.string().max(10), to: z.string().max(10) }),
  ]),
});
export type Manifest = z.infer<typeof manifestSchema>;
