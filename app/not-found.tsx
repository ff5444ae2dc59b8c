import { NotFoundMessage } from "@/components/not-found-message";

/** Unknown addresses outside the signed-in shell. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto p-8">
      <NotFoundMessage />
    </main>
  );
}
