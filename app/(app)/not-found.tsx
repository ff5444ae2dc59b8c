import { NotFoundMessage } from "@/components/not-found-message";

/** notFound() from a page inside the shell: the shell already holds the page's <main>. */
export default function NotFound() {
  return <NotFoundMessage />;
}
