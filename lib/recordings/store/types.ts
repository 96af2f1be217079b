/** An archived recording, or the part of it asked for. */
export interface StoredObject {
  /** The whole object's size in bytes, not the part's. */
  size: number;
  body: ReadableStream<Uint8Array>;
  start: number;
  /** Inclusive, as in Content-Range. */
  end: number;
}

export interface RecordingStore {
  readonly kind: "local" | "s3";
  /** Atomic: a reader sees the whole object or none of it. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Null when absent. The caller has checked the range against the size it knows; `end` past the object is clamped. */
  get(key: string, range?: { start: number; end?: number }): Promise<StoredObject | null>;
  /** An absent key is not an error. */
  remove(key: string): Promise<void>;
}
