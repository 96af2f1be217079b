import type { RecordingState } from "@/lib/calls/schemas";

// One line under the player saying where the audio comes from: the app's own
// archived copy (with its format, size and length), or the vendor's while the
// copy is on its way or could not be made, and why.

const FORMATS: Record<string, string> = {
  "audio/ogg": "Ogg",
  "audio/opus": "Opus",
  "audio/mpeg": "MP3",
  "audio/wav": "WAV",
  "audio/x-wav": "WAV",
  "audio/vnd.wave": "WAV",
  "audio/flac": "FLAC",
  "audio/x-flac": "FLAC",
  "audio/mp4": "M4A",
  "audio/aac": "AAC",
  "audio/webm": "WebM",
  "audio/amr": "AMR",
};

export const formatName = (type: string | null) => (type ? (FORMATS[type] ?? type.replace(/^audio\//, "").toUpperCase()) : "audio");

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}`;

function text(r: RecordingState): string {
  switch (r.status) {
    case "stored":
      return ["Archived copy", formatName(r.contentType), r.bytes !== null ? formatBytes(r.bytes) : null, r.durationMs !== null ? clock(r.durationMs) : null]
        .filter(Boolean)
        .join(" · ");
    case "pending":
      return r.error
        ? `Playing from the vendor. Copying it to the archive failed (${r.error}); trying again.`
        : "Playing from the vendor while a copy is made for the archive.";
    case "failed":
      return `Not archived: ${r.error ?? "the copy failed"} Playing from the vendor while it still has the file.`;
    case "vendor":
      return "Playing from the vendor: this call was stored before recordings were archived (an admin can archive older calls on the Sources page).";
    case "none":
    case "deleted":
      return "";
  }
}

export function RecordingNote({ recording }: { recording: RecordingState }) {
  const line = text(recording);
  if (!line) return null;
  return (
    <p className={`text-xs ${recording.status === "failed" ? "text-amber-800" : "text-slate-500"}`} data-testid="recording-note">
      {line}
    </p>
  );
}
