// The engine's own limits (S3's, the default) apart from the other stores' profiles
// (store-profiles.ts): esbuild keeps an unused `5 * GiB` as if it could have side effects, so
// profiles in the engine's module would all ship to every page.

/** 1,024 bytes. */
export const KiB = 1024;
/** 1,024 KiB. */
export const MiB = 1024 * KiB;
/** 1,024 MiB. */
export const GiB = 1024 * MiB;
/** 1,024 GiB. */
export const TiB = 1024 * GiB;

/**
 * What a store allows a multipart upload. The planner needs the first three; a custom store can
 * give just those.
 */
export interface StoreLimits {
  /** Smallest part except the last (the last may be smaller). */
  readonly minPartSize: number;
  /** Largest part. */
  readonly maxPartSize: number;
  /** Most parts in one upload. */
  readonly maxParts: number;
  /** Largest object. @default no limit beyond the parts' */
  readonly maxObjectSize?: number;
  /** Largest object one PUT may store. @default maxPartSize */
  readonly maxSinglePut?: number;
  /**
   * Every part but the last must have the same size (R2). Ferry's planner always cuts equal
   * parts, so this is a promise it keeps rather than an option it reads.
   */
  readonly equalPartSizes?: boolean;
}

/** A store's documented limits, every field given; see `STORE_PROFILES` (`@ferry/core/protocol`). */
export interface StoreProfile extends Required<StoreLimits> {
  /** The store, for messages: "Amazon S3". */
  readonly name: string;
}

// Frozen; marked pure so that bundles keep only the profiles they use.
export const profile = (value: StoreProfile): StoreProfile => Object.freeze(value);

/**
 * Amazon S3: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000; one PUT up to
 * 5 GiB. Objects: the current limits page says 48.8 TiB (10,000 parts of 5 GiB), older copies
 * 5 TiB; the parts' limits decide either way.
 */
export const S3_LIMITS: StoreProfile = /* @__PURE__ */ profile({
  name: 'Amazon S3',
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxObjectSize: 10_000 * 5 * GiB,
  maxSinglePut: 5 * GiB,
  equalPartSizes: false,
});
