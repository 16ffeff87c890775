import { Skeleton } from "@/components/ui/skeleton";

export default function TeamLoading() {
  return (
    <div className="flex min-h-full flex-col">
      <div className="h-12 shrink-0 border-b border-line bg-panel" />
      <main aria-busy="true" aria-label="Loading the team" className="mx-auto w-full max-w-[880px] flex-1 space-y-8 px-6 py-10">
        <div className="space-y-2">
          <Skeleton className="h-6 w-1/3" />
          <Skeleton className="h-4 w-1/5" />
        </div>
        <Skeleton className="h-28 w-full" />
        <div className="space-y-2 rounded-lg border border-line bg-panel p-4">
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="flex items-center gap-3">
              <Skeleton className="h-8 w-8 rounded-full" />
              <div className="flex-1 space-y-1.5">
                <Skeleton className="h-3.5 w-1/4" />
                <Skeleton className="h-3 w-1/3" />
              </div>
            </div>
          ))}
        </div>
      </main>
    </div>
  );
}
