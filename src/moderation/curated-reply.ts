/**
 * How a curation shows: a pinned answer replaces the automatic reply (the moderator's text, labelled
 * with who curated it and when, then the cited passages as verbatim attributed quotes); a note sits
 * above the automatic answer. Moderators' words are always labelled as theirs.
 */
import { clip } from '../core/text-safe.ts';
import type { CommandContext } from '../core/command.ts';
import { mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { reply, type Reply } from '../core/reply.ts';
import type { Passage } from '../corpus/types.ts';
import type { CurationState } from './curation-store.ts';
import { dayLabel } from './actor.ts';

/** Whole sentences from the start of a passage, up to about `budget` characters (at least one). */
export function passageExcerpt(p: Passage, budget = 500): string {
  const first = p.sentences[0];
  if (!first) return p.text;
  let end = first.end;
  for (const s of p.sentences.slice(1)) {
    if (s.end - first.start > budget) break;
    end = s.end;
  }
  return p.text.slice(first.start, end);
}

export function curatedLabel(state: CurationState): string {
  return `Curated by ${state.by.name} on ${dayLabel(state.at)}`;
}

export interface CuratedAnswerInput {
  command: string;
  state: CurationState;
  /** The command's own title for what was asked ("Who was Nikolai Yezhov?"); null for a generic one. */
  title: string | null;
  hidden: ReadonlySet<string>;
}

export function curatedAnswer(ctx: CommandContext, input: CuratedAnswerInput): Reply {
  const { state, command } = input;
  // A passage hidden after the curation was pinned stays hidden here too.
  const passages = state.passages.filter((id) => !input.hidden.has(id)).flatMap((id) => ctx.repo.passage(id) ?? []);
  const units: Unit[] = [
    textUnit(`${curatedLabel(state)}: this group's moderators pinned this answer in place of the automatic one.`, state.text),
    ...passages.map((p, i) => quoteUnit(ctx.repo, p, passageExcerpt(p), i === 0 ? 'The passages it cites, verbatim:' : undefined)),
  ];
  const title = input.title ?? `/${command} ${state.label}`;
  const first = passages[0];
  return reply({
    title,
    ...mergeUnits(units),
    actions: [
      ...(first ? [ctx.actions.make('Cite', { command: 'cite', args: first.id }), ctx.actions.make('More context', { command: 'show', args: first.id })] : []),
      ctx.actions.make('Report', { command: 'report', args: clip(`${command} ${state.label}`, 500) }, 'danger'),
    ],
  });
}

export function withNote(auto: Reply, note: CurationState): Reply {
  const text = `Moderator note (${note.by.name}, ${dayLabel(note.at)}): ${note.text}`;
  return { ...auto, blocks: [{ type: 'paragraph', text }, ...auto.blocks] };
}
