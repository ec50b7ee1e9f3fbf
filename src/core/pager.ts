/**
 * Long results are paged, not cut: units are packed into pages of a size every platform can
 * show, and "More" / "Back" actions re-run the command for another page.
 */
import type { ActionStore } from './actions.ts';
import type { Action, Reply } from './reply.ts';
import { reply } from './reply.ts';
import { mergeUnits, unitLength, type Unit } from './quotes.ts';

/** Characters of content per page: fits one Discord embed description and a handful of Slack sections. */
export const PAGE_BUDGET = 4800;

export function paginate(units: Unit[], budget = PAGE_BUDGET): Unit[][] {
  const pages: Unit[][] = [];
  let current: Unit[] = [];
  let size = 0;
  for (const u of units) {
    const len = unitLength(u);
    if (current.length && size + len > budget) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(u);
    size += len;
  }
  if (current.length) pages.push(current);
  return pages;
}

/** Labels of the two paging buttons: a queue read newest first says "Newer" and "Older". */
export interface NavLabels {
  back: string;
  next: string;
}

const BACK_MORE: NavLabels = { back: '‹ Back', next: 'More ›' };
/** A queue read one item at a time. */
export const BACK_NEXT: NavLabels = { back: '‹ Back', next: 'Next ›' };

/**
 * Page `page` of `total` (clamped), with the buttons that re-run the command for the page before
 * and after it: the one paging mechanism, for replies paged by size and queues paged by item.
 */
export function pageNav(
  actions: ActionStore,
  at: { command: string; args: string; page: number | undefined; total: number },
  labels: NavLabels = BACK_MORE,
): { index: number; nav: Action[]; page?: { index: number; total: number } } {
  const total = Math.max(1, at.total);
  const index = Math.min(Math.max(1, at.page ?? 1), total);
  const nav: Action[] = [];
  if (index > 1) nav.push(actions.make(labels.back, { command: at.command, args: at.args, page: index - 1 }));
  if (index < total) nav.push(actions.make(`${labels.next} (${index + 1}/${total})`, { command: at.command, args: at.args, page: index + 1 }, 'primary'));
  return { index, nav, ...(total > 1 ? { page: { index, total } } : {}) };
}

export interface PagedReplyInput {
  title: string;
  /** Shown on every page, above the page's units. */
  header?: Unit;
  units: Unit[];
  page: number;
  command: string;
  args: string;
  actions: ActionStore;
  /** Actions after the paging buttons (cite, sources, report…). */
  extra?: Action[];
}

export function pagedReply(input: PagedReplyInput): Reply {
  const pages = paginate(input.units);
  const { index, nav, page } = pageNav(input.actions, { command: input.command, args: input.args, page: input.page, total: pages.length });
  const total = Math.max(1, pages.length);
  const body = mergeUnits([...(input.header ? [input.header] : []), ...(pages[index - 1] ?? [])]);
  return reply({
    title: total > 1 ? `${input.title} (${index}/${total})` : input.title,
    blocks: body.blocks,
    citations: body.citations,
    // All of them: adapters lay buttons out in rows (Discord 5 × 5, Slack 25) and log any they cannot show.
    actions: [...nav, ...(input.extra ?? [])],
    ...(page ? { page } : {}),
  });
}
