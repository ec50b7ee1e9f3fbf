/**
 * The one stand-in for the core Bot in Slack tests: replies built from real corpus text, and a
 * record of every call so tests can assert what the adapter asked for. Swap for `createBot`
 * once it exists.
 */
import { readFileSync } from 'node:fs';
import type { Bot, CommandSpec } from '../../src/core/bot-api.ts';
import { errorReply, reply, type Reply } from '../../src/core/reply.ts';
import type { Asker, Request, Where } from '../../src/core/request.ts';

const corpus = (file: string) => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');

/** Verbatim from corpus/goble-2019-red-army-opposition.txt. */
export const GOBLE_QUOTE =
  'Stalin’s underlings quickly fell in line with his thinking and a conspiracy was found or more precisely invented – with all the ensuing consequences including the arrest and execution of people who had little or nothing to do with Nakhayev.';
export const GOBLE_NAKHAYEV =
  'Eighty-five years ago, on August 5, 1934, Artyom Nakhayev, a Red Army commander who was studying at the Military Academy, led 200 soldiers into Moscow and delivered an impassioned speech to them, urging them to seize weapons from military units there and attack Soviet power.';
export const GOBLE_PASSAGE = 'goble-2019-7k2qd';

/** Corpus prose with the strings that would ping or link in Slack if sent unescaped. */
export const HOSTILE_QUOTE =
  'Bolshevik officials in Moscow portrayed him as a psychologically disturbed individual @everyone <!channel> <!here> <@U123> <#C999> <https://evil.example|click here> & Stalin, who was then in Sochi, would have none of that.';

/** Long real paragraphs from Emelyanov (2012): well over 7,000 characters in many paragraphs. */
export function longParagraphs(minChars: number): string[] {
  const lines = corpus('emelyanov-2012-stalins-purges.txt')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 300 && !l.includes('\t'));
  const out: string[] = [];
  let total = 0;
  for (const line of lines) {
    if (total >= minChars) break;
    out.push(line);
    total += line.length;
  }
  return out;
}

const citation = {
  passage: GOBLE_PASSAGE,
  source: 'Goble, “Stalin Believed in 1934 He Faced Opposition from the Red Army”',
  quote: GOBLE_QUOTE,
  where: '¶12',
  attribution: 'Goble (2019, ¶12)',
};

export function whoReply(): Reply {
  return reply({
    title: 'Artyom Nakhayev',
    blocks: [
      { type: 'paragraph', text: 'One source mentions him; here is what it says.' },
      { type: 'quote', text: GOBLE_NAKHAYEV, attribution: 'Goble (2019, ¶8)', citation: 0 },
      { type: 'quote', text: GOBLE_QUOTE, attribution: citation.attribution, citation: 1 },
    ],
    citations: [{ ...citation, passage: 'goble-2019-3mfha', quote: GOBLE_NAKHAYEV, where: '¶8', attribution: 'Goble (2019, ¶8)' }, citation],
    actions: [
      { id: 'who:more:nakhayev', label: 'More passages', style: 'primary' },
      { id: `cite:${GOBLE_PASSAGE}`, label: 'Cite' },
    ],
  });
}

export function hostileReply(): Reply {
  return reply({
    title: 'Nakhayev in the sources',
    blocks: [
      { type: 'paragraph', text: 'You asked about <!everyone> & friends.' },
      { type: 'quote', text: HOSTILE_QUOTE, attribution: 'Goble (2019, ¶10) <@U999>', citation: 0 },
      { type: 'list', items: ['<!subteam^S123>', '@here and @channel'] },
      { type: 'fields', fields: [{ label: 'Source <b>', value: '<mailto:x@example.com|mail>' }] },
    ],
    citations: [{ ...citation, passage: 'goble-2019-<@U1>' }],
  });
}

/** `page` is 1-based, as the core numbers pages. */
export function longReply(page = 1, total = 3): Reply {
  const paragraphs = longParagraphs(30_000);
  return reply({
    title: 'Emelyanov on the reprisals of 1937–38',
    blocks: [
      ...paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
      // One paragraph over 7,000 characters, to be split inside itself across sections.
      { type: 'paragraph', text: longParagraphs(7_000).join(' ') },
    ],
    actions: [{ id: `page:${page + 1}`, label: 'Next page' }],
    page: { index: page, total },
  });
}

const spec = (name: string, moderatorOnly = false): CommandSpec => ({
  name,
  description: `The ${name} command`,
  usage: `/${name} <text>`,
  example: `/${name} Nakhayev`,
  options: [{ name: 'text', description: 'What to look up', required: false, autocomplete: false }],
  moderatorOnly,
});

/** A quiz post as the core redraws it: the running tally and the answer buttons. */
export function quizPost(answered: number): Reply {
  return reply({
    title: 'Quiz — Who fills the blank?',
    blocks: [
      {
        type: 'paragraph',
        text: `Goble (2019): “Eighty-five years ago, on August 5, 1934, ____, a Red Army commander who was studying at the Military Academy, led 200 soldiers into Moscow.”`,
      },
      { type: 'list', items: ['A. Artyom Nakhayev', 'B. Avgust I. Kork'] },
      { type: 'paragraph', text: `${answered} answered · question #7` },
    ],
    actions: [
      { id: 'quiz:answer:0', label: 'A. Artyom Nakhayev' },
      { id: 'quiz:answer:1', label: 'B. Avgust I. Kork' },
    ],
  });
}

export interface FakeBot extends Bot {
  handled: Request[];
  acted: { actionId: string; user: Asker; where: Where }[];
  /** Answers counted by `quiz:answer:*` clicks, as the core's tally would. */
  answered: number;
  /** Milliseconds `handle` waits before answering, to prove the adapter acks first. */
  delayMs: number;
  /** What `/leaderboard` answers (the App Home asks for it); may throw. Default: nobody has answered. */
  board: (req: Request) => Reply;
}

/** The core's `/leaderboard` before anyone answered: a notice, as the real command returns. */
export const emptyBoard = (): Reply =>
  reply({
    kind: 'notice',
    title: 'Quiz leaderboard — all time',
    blocks: [{ type: 'paragraph', text: 'Nobody has answered a quiz question here in this period. Start one with /quiz.' }],
  });

/** `/ask` args pick the reply: "hostile", "long", "boom" (throws); anything else → the who reply. */
export function createFakeBot(): FakeBot {
  const bot: FakeBot = {
    handled: [],
    acted: [],
    answered: 0,
    delayMs: 0,
    board: emptyBoard,
    specs: () => ['who', 'compare', 'ask', 'cite', 'source', 'help'].map((n) => spec(n)).concat(spec('purge', true)),
    async handle(req) {
      bot.handled.push(req);
      if (bot.delayMs > 0) await new Promise((r) => setTimeout(r, bot.delayMs));
      if (req.command === 'purge') {
        return reply({ title: 'Purge', blocks: [{ type: 'paragraph', text: `admin=${req.user.isAdmin}` }], ephemeral: true });
      }
      if (req.command === 'leaderboard') return bot.board(req);
      if (req.args === 'boom') throw new Error('fake bot exploded');
      if (req.args === 'hostile') return hostileReply();
      if (req.args === 'long') return longReply();
      if (!bot.specs().some((s) => s.name === req.command)) return errorReply('Unknown command', `No /${req.command} here.`);
      return whoReply();
    },
    async act(actionId, user, where) {
      bot.acted.push({ actionId, user, where });
      if (actionId.startsWith('quiz:answer:')) {
        const answered = ++bot.answered;
        // Not marked ephemeral on purpose: the adapter must keep a clicker's feedback private anyway.
        const right = actionId === 'quiz:answer:0';
        return {
          ...reply({
            title: right ? 'Right!' : 'Not quite.',
            blocks: [{ type: 'quote', text: GOBLE_NAKHAYEV, attribution: 'Goble (2019, ¶8)', citation: 0 }],
            citations: [{ ...citation, quote: GOBLE_NAKHAYEV }],
          }),
          updateOriginal: quizPost(answered),
        };
      }
      if (actionId === 'redraw:long') return { ...reply({ title: 'Noted', ephemeral: true }), updateOriginal: longReply() };
      if (actionId === 'redraw:long-feedback') {
        const feedback = reply({
          title: 'Emelyanov at length',
          blocks: longParagraphs(80_000).map((text) => ({ type: 'paragraph' as const, text })),
          ephemeral: true,
        });
        return { ...feedback, updateOriginal: quizPost(bot.answered) };
      }
      const page = /^page:(\d+)$/.exec(actionId);
      if (page) return longReply(Number(page[1]));
      return reply({ title: 'Citation', blocks: [{ type: 'paragraph', text: GOBLE_QUOTE }], ephemeral: true });
    },
    suggest: () => [],
  };
  return bot;
}
