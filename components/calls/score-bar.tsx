import { Badge } from "@/components/ui/badge";

export function ScoreBar({ score, hot }: { score: number; hot: boolean }) {
  return (
    <div className="flex items-center gap-2" title={`Lead score ${score}${hot ? " (hot)" : ""}`}>
      <div className="h-1.5 w-12 overflow-hidden rounded-full bg-slate-200">
        <div className={`h-full ${hot ? "bg-orange-600" : "bg-indigo-500"}`} style={{ width: `${score}%` }} />
      </div>
      <span className="w-6 text-right text-slate-800 tabular-nums">{score}</span>
      {hot && <Badge tone="amber">Hot</Badge>}
    </div>
  );
}
