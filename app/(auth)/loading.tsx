import { Skeleton } from "@/components/ui/skeleton";

export default function AuthLoading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="w-full rounded-xl border border-line bg-panel p-6">
      <Skeleton className="h-5 w-1/2" />
      <Skeleton className="mt-3 h-3.5 w-3/4" />
      <div className="mt-6 space-y-4">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-8 w-full" />
      </div>
    </div>
  );
}
