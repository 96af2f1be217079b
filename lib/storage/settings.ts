import { z } from "zod";
import { defineSettingsGroup, openGroup } from "@/lib/sources/settings-group";

// The S3 bucket (or S3-compatible store) that a vendor's recording keys point
// into: the settings group of every vendor whose capabilities say
// recordingsByKey (HubTalk). The access key id is no secret and is sent with
// every change; the secret key must come again when the store moves.

const schema = z.object({
  bucket: z.string().min(1),
  region: z.string().min(1).default("us-east-1"),
  /** For S3-compatible stores (MinIO, R2, Wasabi); empty for AWS. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  forcePathStyle: z.boolean().default(false),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
});
export type StorageSettings = z.infer<typeof schema>;

export const storageGroup = defineSettingsGroup({
  key: "storage",
  title: "Storage",
  legend: "Recording storage (S3 or compatible)",
  schema,
  secrets: ["secretAccessKey"],
  boundToHost: { endpoint: ["secretAccessKey"] },
  labels: { endpoint: "storage endpoint", accessKeyId: "Access key ID", secretAccessKey: "secret access key" },
  fields: [
    { type: "text", name: "bucket", label: "Bucket" },
    { type: "text", name: "region", label: "Region", fallback: "us-east-1" },
    {
      type: "url",
      name: "endpoint",
      label: "Endpoint (empty for AWS)",
      hint: "On another host, enter the secret access key again: the saved one stays with the old host.",
    },
    { type: "text", name: "accessKeyId", label: "Access key id" },
    { type: "secret", name: "secretAccessKey", label: "Secret access key" },
    { type: "checkbox", name: "forcePathStyle", label: "Path-style URLs (MinIO and most S3-compatible stores)" },
  ],
});

/** The source's storage settings in clear (to presign a recording's URL), or null when not set up. */
export function storageSettings(current: unknown): StorageSettings | null {
  return openGroup(storageGroup, current);
}
