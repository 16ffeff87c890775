import type { ReactNode } from "react";
import { BrandMark } from "@/components/app-header";

/** Sign-in, sign-up, invitations and "no team yet": one narrow card in the middle of the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-full flex-col items-center bg-[radial-gradient(ellipse_at_top,#1b1d2b_0%,var(--color-canvas)_60%)] px-4 py-12">
      <div className="mb-8">
        <BrandMark />
      </div>
      <main className="w-full max-w-[400px]">{children}</main>
    </div>
  );
}
