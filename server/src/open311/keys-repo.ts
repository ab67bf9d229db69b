// Open311 API keys as stored: only a hash of each key, so a copied database opens nothing.
export interface Open311KeyRecord {
  /** Public handle for the admin screens: the first 16 hex digits of the hash. */
  id: string;
  /** Who the key was issued to; cases it creates are reported by `open311:<label>`. */
  label: string;
  keyHash: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface Open311KeysRepo {
  /** Returns false when the label or the key is already taken. */
  insert(record: Open311KeyRecord): Promise<boolean>;
  byHash(keyHash: string): Promise<Open311KeyRecord | null>;
  list(): Promise<Open311KeyRecord[]>;
  /** Returns false when there is no active key with that id. */
  revoke(id: string, at: number): Promise<boolean>;
  close(): Promise<void>;
}
