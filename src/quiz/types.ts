/** What a quiz question is, as stored and as shown. Stored JSON is read back through these schemas. */
import { z } from 'zod';

export const QUESTION_KINDS = ['who', 'figure', 'date', 'source', 'truefalse', 'thesis', 'rebuttal', 'dispute', 'measure', 'order', 'custom'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MAX_OPTIONS = 5;

/** The options of a says-this question: they judge the attribution, never the claim. */
export const SAYS = 'The source says this';
export const DOES_NOT_SAY = 'The source does not say this';

/** Who wrote a question's note: a moderator's words are shown as theirs, never as the bot's. */
export const NoteBySchema = z.object({ name: z.string().min(1).max(100), at: z.number().int().optional() });
export type NoteBy = z.infer<typeof NoteBySchema>;

export const QuestionBodySchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    /** One line above the stem: "Who fills the blank?" */
    prompt: z.string().min(1).max(120),
    /** The question text; names its source whenever sources could disagree. */
    stem: z.string().min(10).max(1000),
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(MAX_OPTIONS),
    answer: z.number().int().min(0),
    /** The passage the question comes from (cited in the explanation). */
    passageId: z.string().min(1).max(60),
    /** Verbatim text of that passage quoted in the explanation. */
    quote: z.string().min(1).max(2000),
    /** Words after the quote: the bot's own ("The source has “1934”, not “1936”.") unless `noteBy` names a moderator. */
    note: z.string().max(300).optional(),
    noteBy: NoteBySchema.optional(),
    /** Further passages the explanation quotes (a chronology question cites each event). */
    also: z
      .array(z.object({ passageId: z.string().min(1).max(60), quote: z.string().min(1).max(2000) }))
      .max(4)
      .optional(),
    /** The purge topic the question was drawn from, and how central its sentence is to it (0–1). */
    topic: z.string().min(1).max(80).optional(),
    centrality: z.number().min(0).max(1).optional(),
  })
  .refine((q) => q.answer < q.options.length, { message: 'The answer must be one of the options.' });
export type QuestionBody = z.infer<typeof QuestionBodySchema>;

export type QuestionOrigin = 'generated' | 'moderator';

/** Ids of questions made for one run (a timeline's "Quiz me on the order"), kept in the run only. */
export const ONE_OFF_PREFIX = 'once-';

export function isOneOff(questionId: string): boolean {
  return questionId.startsWith(ONE_OFF_PREFIX);
}

export interface Question extends QuestionBody {
  id: string;
  origin: QuestionOrigin;
}

export const STATUSES = ['approved', 'pending', 'rejected'] as const;
export type QuestionStatus = (typeof STATUSES)[number];

/** What the audit log records before and after a moderation change. */
export interface QuestionSnapshot extends Question {
  space: string;
  status: QuestionStatus;
}

export type Change<T> = { ok: true; before: T | null; after: T } | { ok: false; error: string };
