/**
 * Asset bytes in an S3-compatible bucket (scale-out: every web and worker process reads and
 * writes the same assets). Same keys and contract as the local folder (lib/storage/local-folder.ts):
 * content-addressed keys, validated the same way, stored under an optional prefix.
 *
 * Configured by `ASSET_STORAGE_URL=s3://<bucket>[/<prefix>]`; endpoint, region and credentials
 * come from the usual AWS variables, read by the AWS SDK itself (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_PROFILE, ...), plus `AWS_ENDPOINT_URL_S3` or
 * `AWS_ENDPOINT_URL` for an S3-compatible server (MinIO, Ceph, s3rver...), which then uses
 * path-style addressing (`AWS_S3_FORCE_PATH_STYLE=0` turns that off).
 *
 * A PUT is atomic on S3: a reader never sees half an object. Server-only.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { InvalidStorageKeyError, isValidStorageKey, StorageKeyNotFoundError, type AssetStorage } from "./local-folder";

export interface S3Location {
  bucket: string;
  /** Key prefix without a trailing slash ("" for none). */
  prefix: string;
}

/**
 * Parses `s3://bucket[/prefix]`.
 * @throws Error naming the variable when the URL is not of that form.
 */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url.trim());
  if (!match) throw new Error(`ASSET_STORAGE_URL must look like s3://bucket or s3://bucket/prefix, not "${url}"`);
  return { bucket: match[1], prefix: (match[2] ?? "").replace(/^\/+|\/+$/g, "") };
}

/** An S3 client from the AWS variables (see the module comment). */
export function s3ClientFromEnv(env: Record<string, string | undefined> = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
  return new S3Client({
    ...(endpoint ? { endpoint, forcePathStyle: env.AWS_S3_FORCE_PATH_STYLE?.trim() !== "0" } : {}),
    region: env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || "us-east-1",
  });
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

/** Storage in `location` through `client`. */
export function createS3Storage(client: S3Client, location: S3Location): AssetStorage {
  const objectKey = (key: string) => {
    if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
    return location.prefix ? `${location.prefix}/${key}` : key;
  };
  return {
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({ Bucket: location.bucket, Key: objectKey(key), Body: bytes, ContentLength: bytes.byteLength }),
      );
    },
    async get(key) {
      const Key = objectKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key }));
        return Buffer.from(await answer.Body!.transformToByteArray());
      } catch (error) {
        if (isMissing(error)) throw new StorageKeyNotFoundError(key);
        throw error;
      }
    },
    async has(key) {
      const Key = objectKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket: location.bucket, Key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }));
    },
  };
}
