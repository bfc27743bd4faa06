// A CSV download (docs/decisions.md 37): an attachment with a plain file name, UTF-8 (the body carries its byte order
// mark), never cached (requireStaff has set no-store on every staff response).
import type { Context } from "hono";

export function csvResponse(c: Context, filename: string, body: string): Response {
  // The name is built from codes ([a-z0-9-]) and a period: nothing in it needs quoting beyond the quotes.
  return c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
  });
}
