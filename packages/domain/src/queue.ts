// A desk's queue (workspace issue): its open cases, the first due first, with filters, deadline badges, counts and
// pages. Pure: the store hands every open case of the desk (metadata only), and this decides what a page shows.
import * as z from "zod/mini";
import { nextDueAt } from "./deadlines";
import { CaseStateSchema, type CaseSummary } from "./model";
import { CategoryCodeSchema, Tracks } from "./taxonomy";

export const QUEUE_PAGE_SIZE = 50;
const DAY = 24 * 60 * 60 * 1000;
/** "Due soon" in the queue and in the deadline job's notices. */
export const DUE_SOON_DAYS = 2;

/** The queue's filters, as the page's query string carries them (Dutch names: they are in URLs staff see). */
export const QueueFilterSchema = z.object({
  status: z.optional(CaseStateSchema),
  onderwerp: z.optional(CategoryCodeSchema),
  spoor: z.optional(Tracks.schema),
  termijn: z.optional(z.enum(["te-laat", "binnenkort"])),
  ongelezen: z.optional(z.literal("1")),
  pagina: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

export type Urgency = "overdue" | "due-soon" | undefined;

/** How pressing a case's next deadline is at `now`. */
export function urgencyOf(summary: Pick<CaseSummary, "kind" | "state" | "ackDueAt" | "feedbackDueAt" | "feedbackAt">, now: Date): Urgency {
  const due = nextDueAt(summary);
  if (due.startsWith("9")) return undefined;
  const left = new Date(due).getTime() - now.getTime();
  return left < 0 ? "overdue" : left <= DUE_SOON_DAYS * DAY ? "due-soon" : undefined;
}

export interface QueueView {
  items: (CaseSummary & { urgency: Urgency })[];
  /** Over all open cases of the desk, whatever the filter. */
  counts: { open: number; overdue: number; dueSoon: number; unread: number };
  /** Cases that match the filter, over all pages. */
  matching: number;
  page: number;
  pages: number;
}

export function buildQueue(open: CaseSummary[], filter: QueueFilter, now: Date, pageSize = QUEUE_PAGE_SIZE): QueueView {
  const withUrgency = open.map((c) => ({ ...c, urgency: urgencyOf(c, now) })).sort((a, b) => nextDueAt(a).localeCompare(nextDueAt(b)) || a.id.localeCompare(b.id));
  const matching = withUrgency.filter(
    (c) =>
      (!filter.status || c.state === filter.status) &&
      (!filter.onderwerp || c.categories.includes(filter.onderwerp)) &&
      (!filter.spoor || c.track === filter.spoor) &&
      (!filter.termijn || c.urgency === (filter.termijn === "te-laat" ? "overdue" : "due-soon")) &&
      (!filter.ongelezen || c.deskUnread === true),
  );
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(filter.pagina ?? 1, pages);
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    counts: {
      open: withUrgency.length,
      overdue: withUrgency.filter((c) => c.urgency === "overdue").length,
      dueSoon: withUrgency.filter((c) => c.urgency === "due-soon").length,
      unread: withUrgency.filter((c) => c.deskUnread).length,
    },
    matching: matching.length,
    page,
    pages,
  };
}
