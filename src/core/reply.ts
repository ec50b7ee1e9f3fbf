/**
 * The neutral reply every command returns and every adapter renders.
 * Text in blocks is plain (no markup): renderers escape it for their platform.
 */

export interface Citation {
  /** Passage id, typeable in `/cite`. */
  passage: string;
  source: string;
  /** Verbatim text from the passage. */
  quote: string;
  /** Human-readable location: "ch. 6 “Stalin's St. Bartholomew's Day”, pp. 101–112". */
  where: string;
  /** Short attribution used before a quote: "Reiman (2016, ch. 6, pp. 101–112)". */
  attribution: string;
  /** The number of the passage's footnote the quote is from; absent when it is from the passage's text. */
  note?: string;
}

export type Block =
  | { type: 'heading'; text: string }
  /** The bot's own words: connecting text and figures it computed, never a corpus claim. */
  | { type: 'paragraph'; text: string }
  /** A verbatim quotation; `citation` indexes `Reply.citations`. */
  | { type: 'quote'; text: string; attribution: string; citation: number }
  | { type: 'list'; items: string[] }
  | { type: 'fields'; fields: { label: string; value: string }[] };

export interface Action {
  /** Opaque, at most 90 characters: adapters put it in a button's custom id or value. */
  id: string;
  label: string;
  style?: 'primary' | 'secondary' | 'danger' | 'success';
}

/** A picture sent with a reply (the timeline chart): adapters attach or upload it, the console saves it. */
export interface ReplyImage {
  /** File name: "timeline.png". */
  name: string;
  /** What the picture shows, in words: for screen readers, and wherever pictures are off. */
  alt: string;
  /** Rendering takes a tenth of a second or more, so only an adapter that sends the picture renders it. */
  png: () => Promise<Uint8Array>;
}

export type ReplyKind = 'answer' | 'not-found' | 'error' | 'refusal' | 'notice';

export interface Reply {
  kind: ReplyKind;
  title: string;
  blocks: Block[];
  citations: Citation[];
  actions: Action[];
  /** Only the asker should see it (errors, refusals, personal feedback). */
  ephemeral: boolean;
  /** Set when the reply is one page of a longer result. */
  page?: { index: number; total: number };
  /**
   * For a button click: the message that carried the button, redrawn (e.g. a quiz post with its
   * new tally). The reply itself then goes to the clicker only.
   */
  updateOriginal?: Reply;
  image?: ReplyImage;
}

export function reply(partial: Partial<Reply> & Pick<Reply, 'title'>): Reply {
  return { kind: 'answer', blocks: [], citations: [], actions: [], ephemeral: false, ...partial };
}

/** A short, useful message for bad input; nothing changed. */
export function errorReply(title: string, text: string, actions: Action[] = []): Reply {
  return reply({ kind: 'error', title, blocks: [{ type: 'paragraph', text }], actions, ephemeral: true });
}
