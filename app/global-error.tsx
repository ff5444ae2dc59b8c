"use client";

// Last resort when the root layout itself fails (e.g. the database is down while it renders):
// no providers are available here, so the text is fixed and bilingual.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="lv">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", maxWidth: "40rem" }}>
        <h1>Kaut kas nogāja greizi · Something went wrong</h1>
        <p>Lapu neizdevās ielādēt. Mēģiniet vēlreiz pēc brīža.</p>
        <p lang="en">The page could not be loaded. Please try again in a moment.</p>
        {error.digest && <p>Ref: {error.digest}</p>}
      </body>
    </html>
  );
}
