/**
 * Job records of the local engine persisted as `<dataDir>/jobs/<jobId>.json`, so that a new
 * LocalProvider on the same folder can answer `getJob` for, and finish, jobs of a previous one.
 * Without a data folder nothing is written and `read` finds nothing.
 */
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ModelRequest, ProviderJobStatus } from "../types";
import { isLocalId } from "./ids";

/** Which LocalProvider runs a job: the process id plus the instance's random id. */
export interface JobOwner {
  pid: number;
  instanceId: string;
}

/** Everything needed to report a job and to re-run it from scratch. */
export interface JobRecord {
  jobId: string;
  /** The request with its body normalised (defaults and the seed filled in). */
  request: ModelRequest;
  status: ProviderJobStatus;
  /** 0..1. */
  progress: number;
  assetIds: string[];
  error?: string;
  /** Sentences about how the outputs were made (OperationResult.notes), once succeeded. */
  notes?: string[];
  /** Nominal credits (see capabilities.ts). */
  creditsCost: number;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  owner: JobOwner;
}

/** True for succeeded, failed and canceled. */
export function isTerminal(status: ProviderJobStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "canceled";
}

/** Reads and writes job record files; a no-op store without a data folder. */
export class JobStore {
  /** Per job, the last pending write, so writes land in call order. */
  private readonly writes = new Map<string, Promise<void>>();

  /** @param dataDir folder for job files; undefined disables persistence. */
  constructor(private readonly dataDir?: string) {}

  get persistent(): boolean {
    return this.dataDir !== undefined;
  }

  /**
   * Persists a snapshot of `record` taken now (atomic: temp file + rename). Writes for the same
   * job are serialised. Resolves at once without a data folder.
   */
  save(record: JobRecord): Promise<void> {
    if (!this.dataDir) return Promise.resolve();
    const folder = path.join(this.dataDir, "jobs");
    const json = JSON.stringify(record);
    const file = path.join(folder, `${record.jobId}.json`);
    const previous = this.writes.get(record.jobId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, json, { mode: 0o600 });
      await rename(temp, file);
    });
    const tracked = next.finally(() => {
      if (this.writes.get(record.jobId) === tracked) this.writes.delete(record.jobId);
    });
    this.writes.set(record.jobId, tracked);
    return next;
  }

  /** The persisted record, or null (no data folder, malformed id or no such file). */
  async read(jobId: string): Promise<JobRecord | null> {
    if (!this.dataDir || !isLocalId("job", jobId)) return null;
    try {
      return JSON.parse(await readFile(path.join(this.dataDir, "jobs", `${jobId}.json`), "utf8")) as JobRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  /** Every persisted record (none without a data folder); unreadable files are skipped. */
  async list(): Promise<JobRecord[]> {
    if (!this.dataDir) return [];
    let names: string[];
    try {
      names = await readdir(path.join(this.dataDir, "jobs"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const records: JobRecord[] = [];
    for (const name of names) {
      if (!name.endsWith(".json")) continue;
      const record = await this.read(name.slice(0, -".json".length)).catch(() => null);
      if (record) records.push(record);
    }
    return records;
  }

  /** Resolves when every write started so far has landed. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
  }
}
